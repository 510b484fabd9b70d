//! A flat little-endian byte format for the gazetteer's index file ([`super::cache`]): writers
//! append numbers and byte strings to a buffer; the reader checks every length against what is
//! left, so a truncated or damaged file is an error, never a panic or a huge allocation.

/// Why an index file could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Damaged(pub &'static str);

pub(super) type Decoded<T> = Result<T, Damaged>;

/// Appends values to a byte buffer.
#[derive(Default)]
pub(super) struct Writer {
    pub(super) buf: Vec<u8>,
}

impl Writer {
    pub(super) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub(super) fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(super) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(super) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(super) fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }

    /// A count or length (as `u64`).
    pub(super) fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }

    pub(super) fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.buf.extend_from_slice(b);
    }

    pub(super) fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub(super) fn u32s(&mut self, values: impl ExactSizeIterator<Item = u32>) {
        self.len(values.len());
        self.buf.reserve(values.len() * 4);
        for v in values {
            self.u32(v);
        }
    }
}

/// Reads values back in the order they were written.
pub(super) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { rest: bytes }
    }

    /// Everything left.
    pub(super) fn rest(&mut self) -> &'a [u8] {
        std::mem::take(&mut self.rest)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub(super) fn take(&mut self, n: usize) -> Decoded<&'a [u8]> {
        if n > self.rest.len() {
            return Err(Damaged("the file ends early"));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Decoded<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub(super) fn u8(&mut self) -> Decoded<u8> {
        Ok(self.array::<1>()?[0])
    }

    pub(super) fn u32(&mut self) -> Decoded<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub(super) fn u64(&mut self) -> Decoded<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// A count of items of at least `item_bytes` bytes each: never more than the bytes left
    /// allow, so a damaged count cannot ask for a huge allocation.
    pub(super) fn len(&mut self, item_bytes: usize) -> Decoded<usize> {
        let n = usize::try_from(self.u64()?).map_err(|_| Damaged("a length is too large"))?;
        if n.saturating_mul(item_bytes.max(1)) > self.rest.len() {
            return Err(Damaged("a length runs past the end of the file"));
        }
        Ok(n)
    }

    pub(super) fn bytes(&mut self) -> Decoded<&'a [u8]> {
        let n = self.len(1)?;
        self.take(n)
    }

    pub(super) fn str(&mut self) -> Decoded<&'a str> {
        std::str::from_utf8(self.bytes()?).map_err(|_| Damaged("a text is not UTF-8"))
    }

    pub(super) fn u32s(&mut self) -> Decoded<Vec<u32>> {
        let n = self.len(4)?;
        let raw = self.take(n * 4)?;
        Ok(raw
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}

/// The `u32` at byte `at` of a fixed-size chunk (0 past its end; with a constant `at` the
/// check is compiled away).
#[inline]
pub(super) fn u32_at<const N: usize>(chunk: &[u8; N], at: usize) -> u32 {
    chunk
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

/// The `u64` at byte `at` of a fixed-size chunk, as [`u32_at`].
#[inline]
pub(super) fn u64_at<const N: usize>(chunk: &[u8; N], at: usize) -> u64 {
    chunk
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// The fixed-size chunks of `raw` (whose length is a multiple of `N`).
pub(super) fn chunks<const N: usize>(raw: &[u8]) -> impl Iterator<Item = &[u8; N]> {
    raw.chunks_exact(N).filter_map(|c| c.try_into().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written_and_a_short_buffer_is_an_error() {
        let mut w = Writer::default();
        w.u8(7);
        w.u16(300);
        w.u32(70_000);
        w.u64(u64::MAX - 1);
        w.f64(-12.5);
        w.str("Tripoli");
        w.u32s([1, 2, 3].into_iter());
        let mut r = Reader::new(&w.buf);
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.take(2), Ok(&300u16.to_le_bytes()[..]));
        assert_eq!(r.u32(), Ok(70_000));
        assert_eq!(r.u64(), Ok(u64::MAX - 1));
        assert_eq!(r.u64().map(f64::from_bits), Ok(-12.5));
        assert_eq!(r.str(), Ok("Tripoli"));
        assert_eq!(r.u32s(), Ok(vec![1, 2, 3]));
        assert!(r.is_empty());
        for cut in 0..w.buf.len() {
            let mut r = Reader::new(&w.buf[..cut]);
            let all = (|| {
                r.u8()?;
                r.take(2)?;
                r.u32()?;
                r.u64()?;
                r.u64()?;
                r.str()?;
                r.u32s()
            })();
            assert!(all.is_err(), "cut at {cut}");
        }
        // A huge length is refused before any allocation.
        let mut w = Writer::default();
        w.u64(u64::MAX / 2);
        assert!(Reader::new(&w.buf).u32s().is_err());
    }
}
