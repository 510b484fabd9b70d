//! An article's text as the dataset keeps it: packed as the loader reads it.
//!
//! Key decisions:
//! - **Texts are the largest thing a dataset holds** (at a million events, about 150 MB of the
//!   370 MB; README, "Performance"), and they are read only here and there: once by the
//!   extraction, then for the article shown in the pane, a search, an export, a re-extraction.
//!   So the corpus loader compresses each body as it reads it ([`Body::pack`], zstd's fastest
//!   level): news prose keeps about half its bytes (the seeds 1.93 times smaller, real news in
//!   2 KB pieces 1.88; README, "Performance"), and unpacking an article of a few KB takes
//!   microseconds. Packing at once, not after the extraction, keeps the plain texts of a whole
//!   corpus from ever being in memory together: the peak is what the budget counts.
//! - **One type, two states.** A body is plain when built (by tests, by hand) and packed by the
//!   loader; every reader goes through [`Body::text`], which borrows a plain body and unpacks a
//!   packed one. A body packing would not shrink stays plain. Compression contexts are kept per
//!   thread: made once, they cost nothing per article.
//! - **What was packed comes back.** The unpacked text is checked to be UTF-8 of the recorded
//!   length; if it were not (it cannot be, short of a bug), the reader gets an empty text and
//!   the log says so, rather than a panic or a wrong slice.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::{Serialize, Serializer};

/// An article body. Build it with [`Body::from`] (plain); [`Body::pack`] compresses it in place.
#[derive(Clone)]
pub struct Body(Repr);

#[derive(Clone)]
enum Repr {
    Plain(Box<str>),
    /// A zstd frame of the text, and the text's length in bytes.
    Packed {
        packed: Box<[u8]>,
        len: u32,
    },
}

/// Bodies shorter than this stay plain: a frame's overhead eats what it would save.
const MIN_PACKED_BYTES: usize = 256;

impl Body {
    /// The text: borrowed when plain, unpacked when packed.
    pub fn text(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Plain(s) => Cow::Borrowed(s),
            Repr::Packed { packed, len } => Cow::Owned(unpack(packed, *len as usize)),
        }
    }

    /// Length of the text in bytes, without unpacking it.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Plain(s) => s.len(),
            Repr::Packed { len, .. } => *len as usize,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Compresses a plain body in place (zstd's fastest level: a million events' 150 MB of texts
    /// take about a second of one core); a body it would not shrink stays plain.
    pub fn pack(&mut self) {
        let Repr::Plain(text) = &self.0 else {
            return;
        };
        let Ok(len) = u32::try_from(text.len()) else {
            return;
        };
        if text.len() < MIN_PACKED_BYTES {
            return;
        }
        let Some(packed) = compress(text.as_bytes()) else {
            return;
        };
        if packed.len() < text.len() {
            self.0 = Repr::Packed {
                len,
                packed: packed.into_boxed_slice(),
            };
        }
    }

    /// Whether the body is packed (for tests and the memory figures).
    pub fn is_packed(&self) -> bool {
        matches!(self.0, Repr::Packed { .. })
    }

    /// Bytes the body holds on the heap: the text's, or the packed text's.
    pub fn stored_bytes(&self) -> usize {
        match &self.0 {
            Repr::Plain(s) => s.len(),
            Repr::Packed { packed, .. } => packed.len(),
        }
    }
}

/// The text of one article at a time, for loops that read many records of the same article in
/// a row (an export's events): a packed body is unpacked once per run of its records, not once
/// per record.
#[derive(Default)]
pub struct LastText {
    key: Option<usize>,
    text: String,
}

impl LastText {
    /// The text of `body`, the body of article `key`: borrowed when plain, else unpacked unless
    /// the previous call was for the same article.
    pub fn of<'s>(&'s mut self, key: usize, body: &'s Body) -> &'s str {
        match &body.0 {
            Repr::Plain(s) => s,
            Repr::Packed { packed, len } => {
                if self.key != Some(key) {
                    self.text = unpack(packed, *len as usize);
                    self.key = Some(key);
                }
                &self.text
            }
        }
    }
}

thread_local! {
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> = const { RefCell::new(None) };
    static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { RefCell::new(None) };
}

/// zstd's fastest standard level.
const LEVEL: i32 = 1;

/// `text` compressed with this thread's context; `None` if zstd fails (it does not on memory).
fn compress(text: &[u8]) -> Option<Vec<u8>> {
    COMPRESSOR.with(|cell| {
        let mut cell = cell.try_borrow_mut().ok()?;
        if cell.is_none() {
            *cell = zstd::bulk::Compressor::new(LEVEL).ok();
        }
        cell.as_mut()?.compress(text).ok()
    })
}

fn unpack(packed: &[u8], len: usize) -> String {
    let bytes = DECOMPRESSOR.with(|cell| {
        let mut cell = cell.try_borrow_mut().map_err(|e| e.to_string())?;
        if cell.is_none() {
            *cell = Some(zstd::bulk::Decompressor::new().map_err(|e| e.to_string())?);
        }
        let d = cell.as_mut().ok_or("no decompressor")?;
        d.decompress(packed, len).map_err(|e| e.to_string())
    });
    match bytes.map(String::from_utf8) {
        Ok(Ok(text)) if text.len() == len => text,
        other => {
            log::error!(
                "an article's stored text did not unpack to its {len} bytes: {:?}",
                other.map(|t| t.map(|t| t.len()))
            );
            String::new()
        }
    }
}

impl From<String> for Body {
    fn from(text: String) -> Body {
        Body(Repr::Plain(text.into_boxed_str()))
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Body {
        Body(Repr::Plain(text.into()))
    }
}

impl Default for Body {
    fn default() -> Body {
        Body::from("")
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        self.len() == other.len() && self.text() == other.text()
    }
}

impl PartialEq<&str> for Body {
    fn eq(&self, other: &&str) -> bool {
        self.len() == other.len() && self.text() == *other
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text(), f)
    }
}

impl Serialize for Body {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(n: usize) -> String {
        let mut s = String::new();
        let mut i = 0u32;
        while s.len() < n {
            // Varied enough not to collapse, repetitive enough to shrink, like prose.
            let days = (i % 7).to_string();
            s.push_str("Sentence ");
            s.push_str(&i.to_string());
            s.push_str(" says that the talks in Ħal Far and Zürich went on for ");
            s.push_str(&days);
            s.push_str(" days. ");
            i += 1;
        }
        s
    }

    #[test]
    fn packing_keeps_the_text_and_shrinks_it() {
        let text = prose(5_000);
        let mut body = Body::from(text.clone());
        assert!(!body.is_packed());
        assert_eq!(body.text(), text.as_str());
        body.pack();
        assert!(body.is_packed());
        assert!(
            body.stored_bytes() < text.len() / 2,
            "{}",
            body.stored_bytes()
        );
        assert_eq!(body.len(), text.len());
        assert_eq!(body.text(), text.as_str());
        // Packing twice changes nothing.
        body.pack();
        assert_eq!(body.text(), text.as_str());
        assert_eq!(body, Body::from(text.clone()));
        assert_eq!(body, text.as_str());
    }

    #[test]
    fn short_or_incompressible_bodies_stay_plain() {
        let mut short = Body::from("Shelling in Tripoli.");
        short.pack();
        assert!(!short.is_packed());
        assert_eq!(short.text(), "Shelling in Tripoli.");

        // Bytes with no repetition (a xorshift stream as letters) do not shrink much; whatever
        // zstd decides, the text comes back.
        let mut x = 0x9E37_79B9_7F4A_7C15_u64;
        let noise: String = (0..4_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'!' + (x % 90) as u8)
            })
            .collect();
        let mut body = Body::from(noise.clone());
        body.pack();
        assert!(body.stored_bytes() <= noise.len());
        assert_eq!(body.text(), noise.as_str());

        let mut empty = Body::default();
        empty.pack();
        assert!(empty.is_empty());
        assert_eq!(empty.text(), "");
    }

    #[test]
    fn a_damaged_packed_body_reads_as_empty_not_a_panic() {
        let mut body = Body::from(prose(2_000));
        body.pack();
        if let Repr::Packed { packed, .. } = &mut body.0 {
            let cut = packed.len() / 2;
            *packed = packed[..cut].into();
        }
        assert_eq!(body.text(), "");
        let mut body = Body::from(prose(2_000));
        body.pack();
        if let Repr::Packed { len, .. } = &mut body.0 {
            *len += 10;
        }
        assert_eq!(body.text(), "");
    }

    #[test]
    fn last_text_unpacks_once_per_article() {
        let (a, b) = (prose(3_000), prose(4_000));
        let (mut pa, mut pb) = (Body::from(a.clone()), Body::from(b.clone()));
        pa.pack();
        pb.pack();
        let plain = Body::from("Shelling in Tripoli.");
        let mut last = LastText::default();
        assert_eq!(last.of(0, &pa), a);
        assert_eq!(last.of(0, &pa), a);
        assert_eq!(last.of(1, &pb), b);
        assert_eq!(last.of(2, &plain), "Shelling in Tripoli.");
        assert_eq!(last.of(1, &pb), b);
        assert_eq!(last.of(0, &pa), a);
    }

    #[test]
    fn serializes_as_its_text() {
        let mut body = Body::from(prose(1_000));
        body.pack();
        let json = serde_json::to_string(&body).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::to_string(&prose(1_000)).unwrap_or_default()
        );
    }
}
