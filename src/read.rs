//! Reading files defensively. [`read_file`] is the one way a file from outside is read whole
//! (articles, user files, gazetteer files, the index cache, the seeds' manifest): only regular
//! files are opened, and nothing above a size limit is read. [`read_text_file`] adds what
//! articles need: binary files refused, a UTF-8 byte order mark stripped, invalid UTF-8 decoded
//! lossily (and said so).

use std::cell::Cell;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::rc::Rc;

use thiserror::Error;

/// Articles above this size are refused: no news article is 20 MB, a mis-dropped dump is.
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// Why a file could not be used as text.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("cannot read the file ({0})")]
    Io(#[from] io::Error),
    #[error("the file is {size} bytes, above the limit of {} bytes for {}", limit.bytes, limit.what)]
    TooLarge { size: u64, limit: Limit },
    #[error("the file looks binary (a NUL byte at byte {offset}){hint}, expected UTF-8 text")]
    Binary { offset: usize, hint: &'static str },
}

/// How many bytes of a file are read at most, and what kind of file the limit is for (said in the
/// message when a file is above it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub bytes: u64,
    /// "one article", "this file", "a gazetteer file": ends "above the limit of N bytes for …".
    pub what: &'static str,
}

impl Limit {
    /// The limit of one article ([`MAX_ARTICLE_BYTES`]).
    pub const ARTICLE: Limit = Limit {
        bytes: MAX_ARTICLE_BYTES,
        what: "one article",
    };
}

/// A decoded text file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextFile {
    /// The text without its byte order mark.
    pub text: String,
    /// Length of the stripped byte order mark (0 or 3), to turn text offsets into file offsets.
    pub bom_len: usize,
    /// True when invalid UTF-8 was replaced by U+FFFD; offsets then point into the decoded text.
    pub lossy: bool,
    /// The 1-based line of the first invalid byte, when `lossy`.
    pub first_invalid_line: Option<usize>,
}

/// Opens `path` for reading only if it is a regular file (symbolic links followed). A FIFO would
/// block the reader until some other process writes to it, a device such as `/dev/zero` never
/// ends, and a folder is no text: they are refused before they are opened, with what they are.
/// Every reader of outside files opens them through this.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            special_kind(&meta)
        };
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {what}, not a regular file"),
        ));
    }
    File::open(path)
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &std::fs::Metadata) -> &'static str {
    "a special file"
}

/// Reads the whole of `path`: refused before it is opened when it is not a regular file (see
/// [`open_regular`]), and refused by its size, or once more than `limit.bytes` were read from a
/// file that grows, without reading past the limit. Every whole-file read of outside data goes
/// through this; the caller decides what the bytes are (text, an index, a PDF).
pub fn read_file(path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        // Swapped for something else between the check and the open.
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "it is not a regular file").into());
    }
    let size = meta.len();
    if size > limit.bytes {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(limit.bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads `path` as an article's text, refusing files above `limit` bytes and files with NUL bytes.
pub fn read_text_file(path: &Path, limit: u64) -> Result<TextFile, ReadError> {
    decode(read_file(
        path,
        Limit {
            bytes: limit,
            ..Limit::ARTICLE
        },
    )?)
}

/// Decodes file bytes: binary refused, BOM stripped, invalid UTF-8 replaced.
pub fn decode(bytes: Vec<u8>) -> Result<TextFile, ReadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        let hint = if utf16 {
            "; it looks like UTF-16, save it as UTF-8"
        } else {
            ""
        };
        return Err(ReadError::Binary { offset, hint });
    }
    let bom_len = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let (text, first_invalid_line) = match String::from_utf8(bytes) {
        Ok(mut text) => {
            text.drain(..bom_len);
            (text, None)
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let line = memchr::memchr_iter(b'\n', &bytes[..valid]).count() + 1;
            (
                String::from_utf8_lossy(&bytes[bom_len..]).into_owned(),
                Some(line),
            )
        }
    };
    Ok(TextFile {
        text,
        bom_len,
        lossy: first_invalid_line.is_some(),
        first_invalid_line,
    })
}

/// A CSV reader's input that refuses to hand out more than `limit` bytes past the start of the
/// row being read (a runaway quote cannot pull a whole file into memory), made by
/// [`row_limited`]; its [`RowMeter`] is told where each row starts.
pub struct RowLimit<R> {
    inner: R,
    meter: RowMeter,
    last_byte: u8,
}

/// What a [`RowLimit`] has read, shared with the loop that reads the rows.
#[derive(Clone)]
pub struct RowMeter {
    consumed: Rc<Cell<u64>>,
    row_start: Rc<Cell<u64>>,
    /// Whether the first line ends in CRLF, once a line end has been seen.
    crlf: Rc<Cell<Option<bool>>>,
    limit: u64,
}

/// `inner` limited to `limit` bytes per row, and the meter to tell it where rows start.
pub fn row_limited<R: Read>(inner: R, limit: u64) -> (RowLimit<R>, RowMeter) {
    let meter = RowMeter {
        consumed: Rc::new(Cell::new(0)),
        row_start: Rc::new(Cell::new(0)),
        crlf: Rc::new(Cell::new(None)),
        limit,
    };
    let reader = RowLimit {
        inner,
        meter: meter.clone(),
        last_byte: 0,
    };
    (reader, meter)
}

impl RowMeter {
    /// The next row starts at byte `byte` of the input.
    pub fn start_row(&self, byte: u64) {
        self.row_start.set(byte);
    }

    /// Whether the row being read went past the limit (then the reader's error is this).
    pub fn over(&self) -> bool {
        self.consumed.get() > self.row_start.get() + self.limit
    }

    /// The csv crate starts a row that follows a CRLF at its `\n`, one line early: in a file whose
    /// lines end in CRLF, add this (1) to its line numbers. (A file mixing line ends may be one
    /// off on some rows.)
    pub fn line_fix(&self) -> usize {
        usize::from(self.crlf.get() == Some(true))
    }
}

/// What [`RowMeter::next_row`] read.
#[derive(Debug)]
pub enum CsvRow {
    /// A row, now in the record; it starts on this line.
    Row { line: usize },
    /// The input ended.
    End,
    /// A row that cannot be read; the rows after it still can.
    Bad { line: usize, message: String },
    /// Reading stops at this row: it passed the row limit, or the input failed.
    Stop { line: usize, message: String },
}

impl RowMeter {
    /// Reads the next row of `reader`, made over this meter's [`RowLimit`], into `record`: the
    /// one way a row-limited CSV file is read row by row, lines counted with [`Self::line_fix`].
    pub fn next_row<R: Read>(
        &self,
        reader: &mut csv::Reader<RowLimit<R>>,
        record: &mut csv::ByteRecord,
    ) -> CsvRow {
        let line = reader.position().line() as usize + self.line_fix();
        self.start_row(reader.position().byte());
        match reader.read_byte_record(record) {
            Ok(true) => CsvRow::Row { line },
            Ok(false) => CsvRow::End,
            Err(err) if self.over() => CsvRow::Stop {
                line,
                message: format!(
                    "the row starting here is above the limit of {} bytes (an unclosed quote?); \
                     it and the rest of the file are skipped ({err})",
                    self.limit
                ),
            },
            Err(err) => {
                let line = err
                    .position()
                    .map_or(line, |p| p.line() as usize + self.line_fix());
                let message = format!("cannot read this row ({err})");
                if matches!(err.kind(), csv::ErrorKind::Io(_)) {
                    CsvRow::Stop { line, message }
                } else {
                    CsvRow::Bad { line, message }
                }
            }
        }
    }
}

impl<R: Read> Read for RowLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.meter.over() {
            return Err(io::Error::other("row too long"));
        }
        let n = self.inner.read(buf)?;
        if self.meter.crlf.get().is_none()
            && let Some(i) = memchr::memchr(b'\n', &buf[..n])
        {
            let before = if i == 0 { self.last_byte } else { buf[i - 1] };
            self.meter.crlf.set(Some(before == b'\r'));
        }
        if n > 0 {
            self.last_byte = buf[n - 1];
        }
        let consumed = &self.meter.consumed;
        consumed.set(consumed.get() + n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_stripped_and_counted() {
        let file = decode(b"\xEF\xBB\xBFdate 2019-04-09 Tripoli".to_vec()).expect("text");
        assert_eq!(file.text, "date 2019-04-09 Tripoli");
        assert_eq!(file.bom_len, 3);
        assert!(!file.lossy);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_flagged() {
        let file = decode(b"Tripoli\n \xE9t\xE9".to_vec()).expect("text");
        assert_eq!(file.text, "Tripoli\n \u{FFFD}t\u{FFFD}");
        assert!(file.lossy);
        assert_eq!(file.first_invalid_line, Some(2));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_or_a_device_is_refused_before_it_is_opened() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("article.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            // Opening a FIFO with no writer would block forever; this returns at once.
            let err = read_text_file(&fifo, MAX_ARTICLE_BYTES).expect_err("a FIFO");
            assert!(err.to_string().contains("FIFO"), "{err}");
        }
        let err = read_text_file(Path::new("/dev/zero"), MAX_ARTICLE_BYTES).expect_err("device");
        assert!(err.to_string().contains("a device"), "{err}");
        let err = read_text_file(dir.path(), MAX_ARTICLE_BYTES).expect_err("folder");
        assert!(err.to_string().contains("a folder"), "{err}");
    }

    #[test]
    fn read_file_refuses_a_file_above_its_limit_and_says_for_what() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("gazetteer.toml");
        std::fs::write(&path, "0123456789").expect("write");
        let limit = |bytes| Limit {
            bytes,
            what: "a gazetteer file",
        };
        assert_eq!(
            read_file(&path, limit(10)).expect("at the limit"),
            b"0123456789"
        );
        let err = read_file(&path, limit(9)).expect_err("above the limit");
        assert_eq!(
            err.to_string(),
            "the file is 10 bytes, above the limit of 9 bytes for a gazetteer file"
        );
        let err = read_file(&dir.path().join("missing"), limit(9)).expect_err("missing");
        assert!(matches!(err, ReadError::Io(ref e) if e.kind() == io::ErrorKind::NotFound));
    }

    #[test]
    fn a_nul_byte_makes_a_file_binary() {
        let err = decode(b"PK\x03\x04\x00\x00".to_vec()).expect_err("binary");
        assert!(matches!(err, ReadError::Binary { offset: 4, .. }), "{err}");
    }

    #[test]
    fn utf16_gets_a_hint() {
        let err = decode(b"\xFF\xFET\x00r\x00".to_vec()).expect_err("binary");
        assert!(err.to_string().contains("UTF-16"), "{err}");
    }

    /// Reads every row of `text` with a 40-byte row limit: each step's kind and line.
    fn rows_of(text: &str) -> Vec<(&'static str, usize)> {
        let (input, meter) = row_limited(text.as_bytes(), 40);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(false)
            .from_reader(input);
        let mut record = csv::ByteRecord::new();
        let mut steps = Vec::new();
        loop {
            match meter.next_row(&mut reader, &mut record) {
                CsvRow::Row { line } => steps.push(("row", line)),
                CsvRow::End => break,
                CsvRow::Bad { line, .. } => steps.push(("bad", line)),
                CsvRow::Stop { line, message } => {
                    assert!(message.contains("above the limit of 40 bytes"), "{message}");
                    steps.push(("stop", line));
                    break;
                }
            }
        }
        steps
    }

    #[test]
    fn csv_rows_are_counted_by_line_and_a_runaway_quote_stops_the_reading() {
        assert_eq!(
            rows_of("a,b\nc,d\n\"e\nf\",g\nh,i\n"),
            [("row", 1), ("row", 2), ("row", 3), ("row", 5)]
        );
        // CRLF line ends count the same lines.
        assert_eq!(
            rows_of("a,b\r\nc,d\r\n\"e\r\nf\",g\r\nh,i\r\n"),
            [("row", 1), ("row", 2), ("row", 3), ("row", 5)]
        );
        // A row of the wrong length is skipped; the next one is read.
        assert_eq!(
            rows_of("a,b\nc\nd,e\n"),
            [("row", 1), ("bad", 2), ("row", 3)]
        );
        let runaway = format!("a,b\n\"{}\nc,d\n", "x\n".repeat(40));
        assert_eq!(rows_of(&runaway), [("row", 1), ("stop", 2)]);
    }
}
