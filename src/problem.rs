//! Problems found while loading user data: where (file, line) and what was expected.
//!
//! Parsers report line numbers; loaders add the file name once. A problem never stops a load:
//! the good rows are kept and the problems are shown to the user.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was skipped or guessed; the rest is fine.
    Warning,
    /// A row or file could not be used.
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based line number, where there is one.
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn error(
        file: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    pub fn warning(
        file: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        let file = self.file.display().to_string();
        let file = escape_controls(&file);
        let message = escape_controls(&self.message);
        match self.line {
            Some(line) => write!(f, "{file}:{line}: {kind}: {message}"),
            None => write!(f, "{file}: {kind}: {message}"),
        }
    }
}

/// `text` with control characters (ESC, BEL, newlines, ...) written as escapes (`\u{1b}`, `\n`),
/// so a file name or a quoted line cannot forge or colour a line of the problem list.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// 1-based line number of a byte offset in `text`.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..end]).count() + 1
}

/// A data file's bytes as text: a UTF-8 byte order mark dropped (it does not change line
/// numbers); invalid UTF-8 is `Err((line, what))` with the 1-based line of the first bad byte.
pub fn utf8_text(mut bytes: Vec<u8>) -> Result<String, (usize, String)> {
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        3
    } else {
        0
    };
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = memchr::memchr_iter(b'\n', &bytes[..valid]).count() + 1;
        let what = format!(
            "the file is not valid UTF-8 (byte {:#04x} at byte {}), expected UTF-8 text",
            bytes[valid],
            valid + bom
        );
        (line, what)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_prints_file_line_and_message() {
        let p = Problem::error(
            "data/g.toml",
            Some(12),
            "lat 999 is out of range, expected -90..90",
        );
        assert_eq!(
            p.to_string(),
            "data/g.toml:12: error: lat 999 is out of range, expected -90..90"
        );
    }

    #[test]
    fn utf8_text_drops_a_byte_order_mark_and_names_the_line_of_a_bad_byte() {
        assert_eq!(
            utf8_text(b"\xEF\xBB\xBFa\nb".to_vec()),
            Ok("a\nb".to_owned())
        );
        let (line, what) = utf8_text(b"a\nb\nCaf\xE9".to_vec()).expect_err("latin-1");
        assert_eq!(line, 3);
        assert!(what.contains("0xe9 at byte 7"), "{what}");
    }

    #[test]
    fn a_file_name_with_control_characters_cannot_forge_a_line() {
        let p = Problem::error(
            "evil\n/etc/x.txt:1: error: \u{1b}[31mfake",
            Some(2),
            "bad\u{7}",
        );
        let shown = p.to_string();
        assert_eq!(shown.lines().count(), 1, "{shown}");
        assert!(!shown.chars().any(char::is_control), "{shown}");
        assert!(
            shown.contains("\\n") && shown.contains("\\u{1b}"),
            "{shown}"
        );
        assert_eq!(escape_controls("Tripoli, Libya"), "Tripoli, Libya");
    }

    #[test]
    fn line_of_offset_counts_newlines_before_it() {
        assert_eq!(line_of_offset("a\nb\nc", 0), 1);
        assert_eq!(line_of_offset("a\nb\nc", 2), 2);
        assert_eq!(line_of_offset("a\nb\nc", 99), 3);
    }
}
