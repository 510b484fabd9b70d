//! The name index: every name, alias and demonym of the gazetteer, found in text by looking up
//! word n-grams in one hash table.
//!
//! Key decisions:
//! - A text is cut into tokens: maximal runs of alphanumeric characters (Unicode) and single
//!   other characters. A name is only looked for where the matcher accepts one: starting after
//!   a non-alphanumeric character (or at the start of the text) and ending before one (or at the
//!   end). From such a start the key grows token by token ("tripoli", "tripoli ", "tripoli
//!   international", ...) and is looked up in the table; it stops as soon as the key is no
//!   name's prefix at a token boundary. Most words start no name, so a word costs one lookup.
//! - Keys are lower-cased ([`lower_in_place`]: ASCII letters, and other letters whose lower case
//!   has the same length in UTF-8, so "VIÑA DEL MAR" finds "Viña del Mar"), a hyphen read as a
//!   space ("Sharm El Sheikh" finds "Sharm el-Sheikh"); the text is
//!   lower-cased once per call with its byte offsets unchanged. This finds what an overlapping
//!   case-insensitive Aho-Corasick automaton over the same names finds at word boundaries, and
//!   builds in a fraction of its time and memory.
//! - Memory is a few flat arrays: the table, whose entries are fixed-size slots (linear
//!   probing, foldhash with a fixed seed), a control byte per entry, and the targets. Keys and
//!   spellings are not copied: they are spans of the gazetteer's string arena (a key is the
//!   lower-cased text of a spelling or of its start), passed in at build and search time. No
//!   allocation per name.
//! - A lookup waits on memory, not on instructions: most keys looked up are ordinary words that
//!   name nothing, decided by a group of control bytes (an array small enough to stay in
//!   cache); a key that is there costs its entry and its bytes in the arena, and nothing
//!   points from one entry to another. So a scan asks memory for each name start's control
//!   bytes and first entry when it finds the start, and looks the start up a few starts later
//!   ([`LOOKAHEAD`]): the misses of several lookups overlap. (The prefetch is the crate's one
//!   `unsafe` call: a hint that reads nothing into the program.)

use std::hash::{BuildHasher as _, Hasher as _};

use hashbrown::HashTable;
use rayon::prelude::*;

use super::codec::{self, Damaged, Decoded, Reader, Writer, u32_at};
use super::table::offset;
use super::{NameRole, PlaceIdx};

/// One spelling of a name and what it stands for. Several targets share a key when spellings
/// differ only in case, or when places share a name ("Tripoli").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameTarget {
    /// The role's kind in the top two bits, its place in the rest (see [`pack_role`]).
    role: u32,
    /// Byte range of the spelling in the gazetteer's arena.
    spelling_start: u32,
    spelling_len: u32,
}

const ROLE_SHIFT: u32 = 30;
const ROLE_PLACE_MASK: u32 = (1 << ROLE_SHIFT) - 1;

/// A role in 32 bits: places are numbered far below 2^30 (the files are capped in size).
fn pack_role(role: NameRole) -> u32 {
    let (kind, idx) = match role {
        NameRole::Place(idx) => (0, idx),
        NameRole::Demonym(idx) => (1, idx),
        NameRole::Weak(idx) => (2, idx),
    };
    (kind << ROLE_SHIFT) | (idx.0 & ROLE_PLACE_MASK)
}

fn unpack_role(packed: u32) -> NameRole {
    let idx = PlaceIdx(packed & ROLE_PLACE_MASK);
    match packed >> ROLE_SHIFT {
        0 => NameRole::Place(idx),
        1 => NameRole::Demonym(idx),
        _ => NameRole::Weak(idx),
    }
}

impl NameTarget {
    pub fn role(&self) -> NameRole {
        unpack_role(self.role)
    }
}

/// The bit of [`Slot::shape`] that says some longer name starts with this key followed by a
/// token boundary.
const IS_PREFIX: u32 = 1 << 31;

/// The bit of [`Slot::shape`] that says the rest of it is the key's length alone (no tag): a key
/// of [`LEN_BITS`] bits' length or more. The gazetteer has none (its longest keys are a few
/// dozen bytes); a user's file may, and such a key is found the same, only compared by its bytes
/// wherever a probe meets a key of its length.
const LONG_KEY: u32 = 1 << 30;

/// Bits of [`Slot::shape`] for the length of a key shorter than `1 << LEN_BITS` bytes; the bits
/// above them, up to [`LONG_KEY`], hold [`TAG_BITS`] bits of the key's hash.
const LEN_BITS: u32 = 10;
const TAG_BITS: u32 = 30 - LEN_BITS;

/// A key's length and hash as [`Slot::shape`] holds them (without [`IS_PREFIX`]): a probe
/// compares the key's bytes only with a slot whose shape is the key's. Never 0 (the shape of a
/// free slot). `None` for an empty key and one of [`LONG_KEY`] bytes or more, which the index
/// does not take.
fn shape_of(len: usize, hash: u64) -> Option<u32> {
    let len = u32::try_from(len).ok().filter(|&l| l > 0 && l < LONG_KEY)?;
    Some(if len < 1 << LEN_BITS {
        // The top bits of the hash: not the low ones, which place the key in the table
        // ([`home`]), nor those of its control byte ([`control_of`]).
        let tag = (hash >> (64 - TAG_BITS)) as u32;
        (tag << LEN_BITS) | len
    } else {
        LONG_KEY | len
    })
}

/// One entry of the table: a key (a name with targets, a prefix of longer names, or both), or
/// a free entry (all zero).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Slot {
    /// The key is the lower-cased `arena[key_start..key_start + key length]`.
    key_start: u32,
    /// The key's length and tag ([`shape_of`]), and [`IS_PREFIX`]; 0 for a free entry.
    shape: u32,
    /// The slot's targets are `targets[targets_start..targets_start + targets_len]`; none when
    /// the key is only a prefix of longer names. (While a part is built: the running count.)
    targets_start: u32,
    targets_len: u32,
}

impl Slot {
    fn is_free(&self) -> bool {
        self.shape == 0
    }

    fn len(&self) -> usize {
        if self.shape & LONG_KEY != 0 {
            (self.shape & (LONG_KEY - 1)) as usize
        } else {
            (self.shape & ((1 << LEN_BITS) - 1)) as usize
        }
    }

    fn is_prefix(&self) -> bool {
        self.shape & IS_PREFIX != 0
    }

    fn key<'a>(&self, arena: &'a [u8]) -> &'a [u8] {
        let start = self.key_start as usize;
        arena.get(start..start + self.len()).unwrap_or(&[])
    }
}

/// A raw occurrence of a key: `text[start..end]` is case-insensitively equal to the
/// spellings of `targets` (or is one of them with another spelling of its opening "Saint",
/// "Mount", "Fort", "Umm" or "Abu": see [`PREFIX_LOOKUPS`]), and sits at word boundaries.
#[derive(Clone, Copy, Debug)]
pub struct NameHit<'g> {
    pub start: usize,
    pub end: usize,
    targets: &'g [NameTarget],
    spellings: &'g str,
}

impl<'g> NameHit<'g> {
    /// What the occurrence may stand for, with the spelling as written in the data file (the
    /// matcher compares case against it).
    pub fn targets(&self) -> impl Iterator<Item = (NameRole, &'g str)> + use<'g> {
        let spellings = self.spellings;
        self.targets
            .iter()
            .map(move |t| (t.role(), spelling_of(spellings, t)))
    }

    /// The places the occurrence may stand for ([`Self::targets`] without their spellings).
    pub(super) fn places(&self) -> impl Iterator<Item = PlaceIdx> + use<'g> {
        self.targets.iter().map(|t| t.role().idx())
    }
}

/// An abbreviation or postal form: "U.S.", "Ky.", "W.Va.", "NSW", "KY". Such spellings match
/// only with their exact case.
pub fn is_abbreviation(spelling: &str) -> bool {
    is_ascii_abbreviation(spelling.as_bytes()).unwrap_or_else(|| is_abbreviation_by_chars(spelling))
}

/// [`is_abbreviation`] character by character, for any spelling.
fn is_abbreviation_by_chars(spelling: &str) -> bool {
    let letters = spelling.chars().filter(|c| c.is_alphabetic()).count();
    let upper = spelling
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    (upper && (2..=4).contains(&letters) && !spelling.contains(' '))
        || (spelling.ends_with('.') && letters <= 6)
}

/// [`is_abbreviation`] of an ASCII spelling, in one pass over its bytes that stops at the first
/// lower-case letter of a spelling without a final dot ("Springfield" is decided at its "p").
/// `None` at a non-ASCII byte met before the answer: that spelling is for
/// [`is_abbreviation_by_chars`].
fn is_ascii_abbreviation(spelling: &[u8]) -> Option<bool> {
    let dotted = spelling.last() == Some(&b'.');
    let mut letters = 0;
    let mut upper = true;
    for &b in spelling {
        if b >= 0x80 {
            return None;
        }
        if b.is_ascii_alphabetic() {
            letters += 1;
            upper &= b.is_ascii_uppercase();
            if !upper && !dotted {
                return Some(false);
            }
        }
    }
    Some(
        (upper && (2..=4).contains(&letters) && !spelling.contains(&b' '))
            || (dotted && letters <= 6),
    )
}

fn spelling_of<'s>(spellings: &'s str, t: &NameTarget) -> &'s str {
    let start = t.spelling_start as usize;
    spellings
        .get(start..start + t.spelling_len as usize)
        .unwrap_or("")
}

type State = foldhash::fast::FixedState;

fn hash_key(state: &State, key: &[u8]) -> u64 {
    let mut h = state.build_hasher();
    h.write(key);
    h.finish()
}

/// The character at byte `pos` of `text` and its length (ASCII fast path).
fn char_at(text: &str, pos: usize) -> (char, usize) {
    match text.as_bytes().get(pos) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        Some(_) => text
            .get(pos..)
            .and_then(|rest| rest.chars().next())
            .map_or(('\0', 1), |c| (c, c.len_utf8())),
        None => ('\0', 1),
    }
}

/// Per byte: an ASCII letter or digit.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The token starting at `pos`: whether it is a run of alphanumerics, and where it ends.
#[inline]
fn token_at(text: &str, pos: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    // A space or an ASCII symbol is a token of its own (the space after each word of a name
    // that may go on): decided here, not by the call for non-ASCII text.
    if let Some(&b) = bytes.get(pos)
        && b < 0x80
        && !ASCII_ALPHANUMERIC[usize::from(b)]
    {
        return (false, pos + 1);
    }
    // Most tokens are runs of ASCII letters: eight bytes a load, and done unless a non-ASCII
    // character follows (which may continue the run).
    let end = ascii_alphanumeric_end(bytes, pos);
    if end > pos && bytes.get(end).is_none_or(u8::is_ascii) {
        return (true, end);
    }
    token_at_by_chars(text, pos)
}

/// The top bit of each byte of a 64-bit word.
pub(crate) const TOP_BITS: u64 = u64::from_le_bytes([0x80; 8]);

/// The bytes of `chunk` that are ASCII letters or digits, as the top bit of each byte (all
/// others clear). Each byte's sums stay below 0x100, so no carry crosses into the next byte:
/// a byte below 0x80 with bit 5 set is in 'a'..='z' exactly when it is a letter either case,
/// and adding 0x1F sets its top bit from 'a' on, 0x05 from '{' on; likewise 0x50 from '0' on
/// and 0x46 from ':' on. Bytes from 0x80 on are cleared by `!chunk`.
pub(crate) fn ascii_alphanumerics(chunk: u64) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    let low = chunk & LOW7;
    let folded = low | u64::from_le_bytes([0x20; 8]);
    let from_a = folded + u64::from_le_bytes([0x80 - b'a'; 8]);
    let past_z = folded + u64::from_le_bytes([0x80 - b'z' - 1; 8]);
    let from_0 = low + u64::from_le_bytes([0x80 - b'0'; 8]);
    let past_9 = low + u64::from_le_bytes([0x80 - b'9' - 1; 8]);
    ((from_a & !past_z) | (from_0 & !past_9)) & !chunk & TOP_BITS
}

/// The end of the run of ASCII letters and digits from `pos` (`pos` itself where none starts
/// there): eight bytes a load, and most words end within the first.
#[inline]
pub(crate) fn ascii_alphanumeric_end(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(chunk) = bytes.get(pos..pos + 8)
        && let Ok(chunk) = <[u8; 8]>::try_from(chunk)
    {
        let stops = !ascii_alphanumerics(u64::from_le_bytes(chunk)) & TOP_BITS;
        if stops != 0 {
            return pos + (stops.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while let Some(&b) = bytes.get(pos)
        && ASCII_ALPHANUMERIC[usize::from(b)]
    {
        pos += 1;
    }
    pos
}

/// Unicode's General Punctuation block (spaces, dashes, curly quotes, ellipsis): no letter or
/// digit is in it, and news text is full of its quotes and dashes, which the standard library
/// decides by a search of its tables.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206f}';

/// [`char::is_alphanumeric`], deciding General Punctuation without a table search.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
}

/// [`char::is_alphabetic`], deciding General Punctuation without a table search.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphabetic()
}

/// [`token_at`] character by character, where a non-ASCII character starts or continues it.
#[inline(never)]
fn token_at_by_chars(text: &str, pos: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let (c, width) = char_at(text, pos);
    if !is_alphanumeric(c) {
        return (false, pos + width);
    }
    let mut end = pos + width;
    while let Some(&b) = bytes.get(end) {
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            end += 1;
        } else {
            let (c, width) = char_at(text, end);
            if !is_alphanumeric(c) {
                break;
            }
            end += width;
        }
    }
    (true, end)
}

fn is_alphanumeric_at(text: &str, pos: usize) -> bool {
    pos < text.len() && is_alphanumeric(char_at(text, pos).0)
}

/// `stored` ASCII-lower-cased is `lower` (itself ASCII-lower-cased): what
/// `stored.eq_ignore_ascii_case(lower)` tells, eight bytes a load instead of one.
fn lower_eq(stored: &[u8], lower: &[u8]) -> bool {
    if stored.len() != lower.len() {
        return false;
    }
    let chunk_eq = |s: u64, l: u64| ascii_lower_chunk(s) == l;
    // The bytes after the last whole chunk: as the last eight bytes, which overlap the chunk
    // before (bytes compared twice compare the same); a key shorter than eight bytes (most
    // are) as its first and last four, or byte by byte below four.
    let (stored_chunks, stored_rest) = stored.as_chunks::<8>();
    let (lower_chunks, _) = lower.as_chunks::<8>();
    let rest_eq = if stored_rest.is_empty() {
        true
    } else if let (Some(s), Some(l)) = (stored.last_chunk::<8>(), lower.last_chunk::<8>()) {
        chunk_eq(u64::from_le_bytes(*s), u64::from_le_bytes(*l))
    } else if let (Some(s0), Some(s1), Some(l0), Some(l1)) = (
        stored.first_chunk::<4>(),
        stored.last_chunk::<4>(),
        lower.first_chunk::<4>(),
        lower.last_chunk::<4>(),
    ) {
        let word = |b: &[u8; 4]| u64::from(u32::from_le_bytes(*b));
        chunk_eq(word(s0), word(l0)) && chunk_eq(word(s1), word(l1))
    } else {
        stored
            .iter()
            .zip(lower)
            .all(|(s, l)| s.to_ascii_lowercase() == *l)
    };
    rest_eq
        && stored_chunks
            .iter()
            .zip(lower_chunks)
            .all(|(s, l)| chunk_eq(u64::from_le_bytes(*s), u64::from_le_bytes(*l)))
}

/// The eight bytes of `chunk` with each ASCII capital made lower-case. Each byte below 0x80
/// plus 0x3F has its top bit set from 'A' on, plus 0x25 from '[' on, and neither sum carries
/// out of its byte; bytes from 0x80 on are left as they are, as `to_ascii_lowercase` leaves
/// them.
fn ascii_lower_chunk(chunk: u64) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    let low = chunk & LOW7;
    let from_a = low + u64::from_le_bytes([0x80 - b'A'; 8]);
    let past_z = low + u64::from_le_bytes([0x80 - b'Z' - 1; 8]);
    let capitals = from_a & !past_z & !chunk & TOP_BITS;
    chunk | (capitals >> 2)
}

/// `key` lower-cased ([`lower_in_place`]) into `buf` (cleared first).
fn lower_into<'b>(buf: &'b mut Vec<u8>, key: &[u8]) -> &'b [u8] {
    buf.clear();
    buf.extend_from_slice(key);
    lower_in_place(buf);
    buf
}

/// Lower-cases UTF-8 `bytes` in place, a hyphen as a space ([`hyphens_as_spaces`]): ASCII
/// letters, and every other letter whose lower case
/// is one letter of the same length in UTF-8 ("Ñ", "Ü", "Ş", "Д"), so that a key found in the
/// lower-cased text is found at the text's own offsets: an all-caps "VIÑA DEL MAR" or "BOGOTÁ"
/// is the name "Viña del Mar" or "Bogotá" as "PARIS" is "Paris". (The few letters whose lower
/// case is longer or shorter, "İ" and "ẞ", are left as they are.)
fn lower_in_place(bytes: &mut [u8]) {
    bytes.make_ascii_lowercase();
    hyphens_as_spaces(bytes);
    lower_beyond_ascii(bytes, 0);
}

/// A hyphen and a space between a name's words are one ("Sharm el-Sheikh" and "Sharm El
/// Sheikh", "Winston-Salem" and "Winston Salem"): the sources and the news each write one or
/// the other, so keys read every hyphen as a space.
fn hyphens_as_spaces(bytes: &mut [u8]) {
    for b in bytes.iter_mut().filter(|b| **b == b'-') {
        *b = b' ';
    }
}

/// `text` lower-cased as [`lower_in_place`] does, in a new string.
fn lower_text(text: &str) -> String {
    let mut lower = text.to_ascii_lowercase();
    if memchr::memchr(b'-', lower.as_bytes()).is_some() {
        lower = lower.replace('-', " ");
    }
    // Most texts have no capital beyond ASCII: no second pass and no check of the bytes.
    let Some((first, _, _)) = next_capital_beyond_ascii(text.as_bytes(), 0) else {
        return lower;
    };
    let mut bytes = lower.into_bytes();
    lower_beyond_ascii(&mut bytes, first);
    // (Letters are replaced by letters of the same length: still UTF-8.)
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_ascii_lowercase())
}

/// The capitals beyond ASCII of `bytes` from `at` on lower-cased ([`lower_in_place`]).
fn lower_beyond_ascii(bytes: &mut [u8], mut at: usize) {
    while let Some((lead, width, lower)) = next_capital_beyond_ascii(bytes, at) {
        if let Some(slot) = bytes.get_mut(lead..lead + width) {
            lower.encode_utf8(slot);
        }
        at = lead + width;
    }
}

/// The next letter from `at` (a character boundary) on that is not ASCII and has a lower case
/// of one letter of the same length: where it starts, its length and its lower case. Only the
/// characters [`next_letter_lead`] stops at are decoded.
fn next_capital_beyond_ascii(bytes: &[u8], mut at: usize) -> Option<(usize, usize, char)> {
    loop {
        let lead = next_letter_lead(bytes, at)?;
        let width = match bytes.get(lead) {
            Some(0xC0..=0xDF) => 2,
            Some(0xE0..=0xEF) => 3,
            Some(0xF0..=0xF7) => 4,
            _ => 1,
        };
        at = lead + width;
        let Some(c) = bytes
            .get(lead..lead + width)
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|s| s.chars().next())
        else {
            continue;
        };
        if !c.is_uppercase() {
            continue;
        }
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next())
            && l.len_utf8() == width
        {
            return Some((lead, width, l));
        }
    }
}

/// The first byte from `at` on that opens a character of two or more bytes (0xC0 and up) other
/// than one of U+2000..U+2FFF (lead byte 0xE2: punctuation, symbols and arrows, with no letter
/// news spells a name in): where a capital beyond ASCII may start. Sixteen bytes a step, curly
/// quotes and dashes included: most news has such punctuation on every line and no other
/// character beyond ASCII.
fn next_letter_lead(bytes: &[u8], at: usize) -> Option<usize> {
    const TOP: u128 = u128::from_le_bytes([0x80; 16]);
    const LOW7: u128 = u128::from_le_bytes([0x7F; 16]);
    let rest = bytes.get(at..)?;
    let mut step = 0;
    for chunk in rest.as_chunks::<16>().0 {
        let x = u128::from_le_bytes(*chunk);
        // Bytes with their two top bits set (0xC0 and up): bit 6 shifted onto bit 7.
        let leads = x & (x << 1) & TOP;
        if leads != 0 {
            // Bytes other than 0xE2: a byte's low seven bits plus 0x7F carry into its top bit
            // exactly when they are not all clear, and no sum carries out of its byte.
            let d = x ^ u128::from_le_bytes([0xE2; 16]);
            let not_e2 = (((d & LOW7) + LOW7) | d) & TOP;
            let wanted = leads & not_e2;
            if wanted != 0 {
                return Some(at + step + (wanted.trailing_zeros() / 8) as usize);
            }
        }
        step += 16;
    }
    rest.get(step..)?
        .iter()
        .position(|&b| b >= 0xC0 && b != 0xE2)
        .map(|k| at + step + k)
}

/// Two keys are one key whatever their case and hyphens ([`lower_in_place`]). Keys differing
/// in ASCII case only are told apart without a copy.
fn same_key(a: &[u8], b: &[u8]) -> bool {
    // Lower-cased on the stack where the keys fit (a lookup meets such a pair at most hash
    // probes of a name beyond ASCII or with a hyphen: thousands an article of such names).
    const ON_STACK: usize = 128;
    if a.len() != b.len() {
        return false;
    }
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.len() <= ON_STACK {
        let (mut x, mut y) = ([0u8; ON_STACK], [0u8; ON_STACK]);
        let (x, y) = (&mut x[..a.len()], &mut y[..b.len()]);
        x.copy_from_slice(a);
        y.copy_from_slice(b);
        lower_in_place(x);
        lower_in_place(y);
        return x == y;
    }
    let (mut x, mut y) = (a.to_vec(), b.to_vec());
    lower_in_place(&mut x);
    lower_in_place(&mut y);
    x == y
}

/// The keys are cut by bits of their hash into this many parts while the index is built: a
/// part is small enough to stay in cache while its keys are gathered, and the parts are
/// gathered in parallel.
const PART_BITS: u32 = 6;
const PARTS: usize = 1 << PART_BITS;

/// The part of a key while the index is built: middle bits of its hash, apart from those of
/// its [`home`], [`control_of`] and [`shape_of`].
fn part_of(hash: u64) -> usize {
    ((hash >> 32) as usize) & (PARTS - 1)
}

/// Where a table of `capacity` home entries places a key first: the low 32 bits of its hash
/// scaled to the capacity (a multiply and a shift, for a capacity that is no power of two).
fn home(hash: u64, capacity: usize) -> usize {
    ((u64::from(hash as u32) * capacity as u64) >> 32) as usize
}

/// The home entries of a table of `keys` keys: a third more, rounded up (at most three
/// quarters used). Most lookups while matching are misses (ordinary words), and a miss reads
/// control bytes on to a free entry's.
fn capacity_for(keys: usize) -> usize {
    keys + keys.div_ceil(3)
}

/// A key's control byte ([`NameIndex::control`]): eight bits of its hash other than those of
/// its [`home`] and of its shape's tag, never 0 (a free entry's).
fn control_of(hash: u64) -> u8 {
    ((hash >> 36) as u8).max(1)
}

/// Control bytes are read this many at a time, as one `u64`.
const GROUP: usize = 8;

/// Entries of the table while it is built for the keys that run on past its last home (a
/// few; more are added where needed), cut to what they take.
const RUN_ON: usize = 64;

/// The top bit of each byte of `group` that is `byte`. Exact up to the lowest such byte; above
/// it a byte one more than `byte` may be flagged too (a borrow), which a caller must allow
/// for: a key's match is confirmed by its entry, and only the lowest free byte is used.
fn bytes_equal(group: u64, byte: u8) -> u64 {
    let x = group ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    x.wrapping_sub(0x0101_0101_0101_0101) & !x & TOP_BITS
}

/// Every name of the gazetteer, ready to be found in text.
pub struct NameIndex {
    /// The table: one linear-probing hash table whose entries are the slots themselves, keys
    /// placed from their [`home`] among the first `homes` entries on, and more entries after
    /// those where keys ran on, the last one free: every probe ends at a free entry.
    slots: Vec<Slot>,
    targets: Vec<NameTarget>,
    /// Per entry of `slots`, a byte of its key's hash ([`control_of`]), or 0 where it is free;
    /// then [`GROUP`] zeros, so that a group can be read from any entry. A lookup reads the
    /// entries' control bytes first, eight at a time, and an entry only where its byte is the
    /// key's: most absent keys are decided by one group of this array, which is a sixteenth of
    /// the size of `slots` and stays in cache better.
    control: Vec<u8>,
    /// The number of entries keys are placed from ([`capacity_for`]).
    homes: usize,
    state: State,
    /// Non-alphanumeric characters that some names start with ("‘Irqah").
    first_symbols: Symbols,
    /// Non-alphanumeric characters that some names end with ("St.", "Bay)"). A key ending in
    /// any other (a space, a hyphen) names nothing: it is only a prefix.
    last_symbols: Symbols,
    /// Longest key in bytes.
    max_key_len: usize,
    /// Number of keys with targets.
    names: usize,
    /// A bit per [`lower_bit`] of the hash of each first word of a spelling that starts with a
    /// lower-case letter ("al-Watiya", "de la Paz"): a lower-case word of a text whose bit is
    /// clear starts no such spelling, and [`Self::capitalised_hits`] looks no further there.
    lower_first: Vec<u64>,
    /// The same first words by their shape: per first byte, a bit per byte length
    /// ([`length_bit`]). Asked before the hash: few words share the first byte and length of
    /// one of these few words, and a word that shares none is decided without hashing it. (An
    /// array: the scan asks it of most words of a text, by a byte, with no test of bounds.)
    lower_shapes: Box<[u32; 256]>,
    /// A bit per [`lower_key_bit`] of the hash of each key that [`Self::capitalised_hits`]
    /// keeps after a lower-case word that passes the two tests above: a key of one token that
    /// names something, and every key past the first token of a spelling that starts with a
    /// lower-case letter ("the Sahel": "the ", "the sahel") or ends in " City" (a football
    /// club's, which the matcher asks of every hit). A lower-case word whose own key and the
    /// key it would grow to next have their bits clear is looked no further: "the" opens "the
    /// Sahel" and "the Golan", and "the president" names nothing. (Each lower-case "the" and
    /// each "s" of "'s" cost a lookup of both keys, the second often a miss of the cache:
    /// about 17,000 words in 1.6 MB of news, LGL and GWN; the instructions inside
    /// `extract_article` fell by 1%.)
    lower_keys: Vec<u64>,
}

/// `spelling` is `name` as written, or `name` with its diacritics dropped, as English news
/// prints most names ("Valparaiso" for Valparaíso, "Michoacan" for Michoacán). Letters without
/// a one-letter plain form ("ß", "æ") count only as written.
pub(crate) fn is_plain_spelling(name: &str, spelling: &str) -> bool {
    if name == spelling {
        return true;
    }
    if name.is_ascii() || !spelling.is_ascii() || spelling.len() >= name.len() {
        return false;
    }
    let mut plain = spelling.chars();
    name.chars().all(|c| plain.next() == Some(plain_letter(c))) && plain.next().is_none()
}

/// `spelling` is `name` and a possessive "'s" (straight or curly apostrophe): "Tonga's".
pub(crate) fn is_possessive_of(name: &str, spelling: &str) -> bool {
    spelling.len() > name.len()
        && spelling.ends_with('s')
        && spelling
            .strip_prefix(name)
            .is_some_and(|tail| tail == "'s" || tail == "\u{2019}s")
}

/// The letter without its accent for the accented Latin letters of Latin-1 and Latin
/// Extended-A ("á" → "a", "Č" → "C"); any other character as it is.
fn plain_letter(c: char) -> char {
    // Each accented letter after its plain one; a letter's case is kept.
    const PLAIN: &[(&str, char)] = &[
        ("ÀÁÂÃÄÅĀĂĄ", 'A'),
        ("àáâãäåāăą", 'a'),
        ("ÇĆĈĊČ", 'C'),
        ("çćĉċč", 'c'),
        ("ĎĐ", 'D'),
        ("ďđ", 'd'),
        ("ÈÉÊËĒĔĖĘĚ", 'E'),
        ("èéêëēĕėęě", 'e'),
        ("ĜĞĠĢ", 'G'),
        ("ĝğġģ", 'g'),
        ("ĤĦ", 'H'),
        ("ĥħ", 'h'),
        ("ÌÍÎÏĨĪĬĮİ", 'I'),
        ("ìíîïĩīĭįı", 'i'),
        ("Ĵ", 'J'),
        ("ĵ", 'j'),
        ("Ķ", 'K'),
        ("ķ", 'k'),
        ("ĹĻĽĿŁ", 'L'),
        ("ĺļľŀł", 'l'),
        ("ÑŃŅŇ", 'N'),
        ("ñńņň", 'n'),
        ("ÒÓÔÕÖØŌŎŐ", 'O'),
        ("òóôõöøōŏő", 'o'),
        ("ŔŖŘ", 'R'),
        ("ŕŗř", 'r'),
        ("ŚŜŞŠ", 'S'),
        ("śŝşš", 's'),
        ("ŢŤŦ", 'T'),
        ("ţťŧ", 't'),
        ("ÙÚÛÜŨŪŬŮŰŲ", 'U'),
        ("ùúûüũūŭůűų", 'u'),
        ("Ŵ", 'W'),
        ("ŵ", 'w'),
        ("ÝŶŸ", 'Y'),
        ("ýÿŷ", 'y'),
        ("ŹŻŽ", 'Z'),
        ("źżž", 'z'),
    ];
    if c.is_ascii() || !('\u{c0}'..='\u{17f}').contains(&c) {
        return c;
    }
    PLAIN
        .iter()
        .find(|(accented, _)| accented.contains(c))
        .map_or(c, |&(_, plain)| plain)
}

/// The spelling opens with the capitalised Arabic article "Al" or "El" and a hyphen ("Al-Bab",
/// "El-Fasher"), which the news writes in lower case as often ("al-Bab"). (Not its assimilated
/// forms: "an", "as", "at" in lower case are words of English, and each would be looked up.)
pub(crate) fn capitalised_arabic_article(spelling: &str) -> bool {
    spelling.split_once('-').is_some_and(|(article, rest)| {
        matches!(article, "Al" | "El") && rest.starts_with(char::is_uppercase)
    })
}

/// The bit of a word's byte length in [`NameIndex::lower_shapes`] (lengths from 31 on share
/// one).
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// A set of characters: sorted, and its ASCII members as bits too. Most characters the scan
/// asks about are a space or ASCII punctuation, decided by one bit instead of a search.
#[derive(Clone, Debug, Default)]
struct Symbols {
    sorted: Vec<char>,
    ascii: u128,
}

impl Symbols {
    fn new(mut chars: Vec<char>) -> Self {
        chars.sort_unstable();
        let ascii = chars
            .iter()
            .filter(|c| c.is_ascii())
            .fold(0, |bits, &c| bits | (1u128 << u32::from(c)));
        Symbols {
            sorted: chars,
            ascii,
        }
    }

    #[inline]
    fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii & (1u128 << u32::from(c)) != 0
        } else {
            self.sorted.binary_search(&c).is_ok()
        }
    }

    /// Whether the ASCII byte `b` is in the set.
    #[inline]
    fn contains_ascii(&self, b: u8) -> bool {
        b < 0x80 && self.ascii & (1u128 << b) != 0
    }

    fn iter(&self) -> std::slice::Iter<'_, char> {
        self.sorted.iter()
    }

    fn heap_bytes(&self) -> usize {
        self.sorted.capacity() * std::mem::size_of::<char>()
    }
}

/// Bits in [`NameIndex::lower_first`]: a few thousand first words set a few percent of them.
const LOWER_BITS: usize = 1 << 16;

fn lower_bit(hash: u64) -> usize {
    (hash as usize) & (LOWER_BITS - 1)
}

/// Bits in [`NameIndex::lower_keys`]: some thousands of keys set a few percent of them.
const LOWER_KEY_BITS: usize = 1 << 18;

/// The bit of a key's hash in [`NameIndex::lower_keys`].
fn lower_key_bit(hash: u64) -> usize {
    ((hash >> 24) as usize) & (LOWER_KEY_BITS - 1)
}

/// `key` (lower-cased) with each word "al" written "el" and each "el" written "al": the Arabic
/// article in its two transliterations. `None` where it has no such word.
fn article_variant(key: &[u8]) -> Option<Vec<u8>> {
    let mut variant: Option<Vec<u8>> = None;
    for (i, &b) in key.iter().enumerate() {
        let word_start = i == 0 || key.get(i - 1) == Some(&b' ');
        let word_end = key.get(i + 2).is_none_or(|&b| b == b' ');
        if word_start && word_end && matches!(b, b'a' | b'e') && key.get(i + 1) == Some(&b'l') {
            let v = variant.get_or_insert_with(|| key.to_vec());
            if let Some(at) = v.get_mut(i) {
                *at = if b == b'a' { b'e' } else { b'a' };
            }
        }
    }
    variant
}

/// Sets `bit` in `bits` (of `LOWER_KEY_BITS` bits, allocated on first use).
fn set_lower_key_bit(bits: &mut Vec<u64>, bit: usize) {
    bits.resize(LOWER_KEY_BITS / 64, 0);
    if let Some(w) = bits.get_mut(bit / 64) {
        *w |= 1 << (bit % 64);
    }
}

fn has_bit(bits: &[u64], bit: usize) -> bool {
    bits.get(bit / 64)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

impl std::fmt::Debug for NameIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameIndex")
            .field("names", &self.names)
            .field("slots", &self.slots.len())
            .finish_non_exhaustive()
    }
}

impl NameIndex {
    /// Number of distinct keys (names up to case).
    pub fn len(&self) -> usize {
        self.names
    }

    pub fn is_empty(&self) -> bool {
        self.names == 0
    }

    /// Bytes held on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.control.capacity()
            + self.targets.capacity() * std::mem::size_of::<NameTarget>()
            + self.first_symbols.heap_bytes()
            + self.last_symbols.heap_bytes()
            + self.lower_first.capacity() * std::mem::size_of::<u64>()
            + std::mem::size_of::<[u32; 256]>()
            + self.lower_keys.capacity() * std::mem::size_of::<u64>()
    }

    /// The lower-case word `word` (ASCII-lower-cased) may open a spelling that starts in lower
    /// case: its first byte and length, then a bit of its hash, say so (maybe for a few others
    /// too). The word's hash where they do (it is its key's).
    #[inline]
    fn lower_case_opening(&self, word: &[u8]) -> Option<u64> {
        if word
            .first()
            .is_none_or(|&b| !self.lower_shape_may_open(b, word.len()))
        {
            return None;
        }
        let hash = hash_key(&self.state, word);
        has_bit(&self.lower_first, lower_bit(hash)).then_some(hash)
    }

    /// Whether a lower-case word whose first byte is `first` and whose length is `len` may open
    /// a spelling that starts in lower case, by its shape alone ([`Self::lower_shapes`]).
    #[inline]
    fn lower_shape_may_open(&self, first: u8, len: usize) -> bool {
        self.lower_shapes[usize::from(first)] & length_bit(len) != 0
    }

    /// From the lower-case word `lower[pos..end]` of `text`, which may open a spelling that
    /// starts in lower case, a key that [`Self::capitalised_hits`] keeps may start: the word's
    /// own key or the next longer one [`Self::hits_from`] would look up has its bit in
    /// [`Self::lower_keys`] (every longer key the lookups reach passes through that one), or
    /// the word is one of [`PREFIX_SPELLINGS`], looked up as always. `hash`: the word's.
    fn lower_word_may_open_a_kept_key(
        &self,
        text: &str,
        lower: &str,
        (pos, end, hash): (usize, usize, u64),
    ) -> bool {
        let bytes = lower.as_bytes();
        if has_bit(&self.lower_keys, lower_key_bit(hash))
            || prefix_spellings(lower, pos, end).is_some()
        {
            return true;
        }
        if end >= text.len() {
            return false;
        }
        // As [`Self::hits_from`] grows a key.
        let (alphanumeric, next) = token_at(text, end);
        let skip =
            !alphanumeric && next < text.len() && !self.last_symbols.contains(char_at(text, end).0);
        let longer = if skip { token_at(text, next).1 } else { next };
        bytes
            .get(pos..longer)
            .is_some_and(|key| has_bit(&self.lower_keys, lower_key_bit(hash_key(&self.state, key))))
    }

    /// Every key that names something (not the prefix-only keys), for tests.
    #[cfg(test)]
    pub(crate) fn keys(&self, arena: &str) -> Vec<String> {
        self.slots
            .iter()
            .filter(|slot| !slot.is_free() && slot.targets_len > 0)
            .map(|slot| {
                let mut key = slot.key(arena.as_bytes()).to_vec();
                lower_in_place(&mut key);
                String::from_utf8_lossy(&key).into_owned()
            })
            .collect()
    }

    /// The slot of `key` (lower-cased, [`lower_in_place`]), whose text is in `arena`: from the
    /// key's home on, a group of control bytes at a time up to the first free entry; an entry
    /// is read only where its control byte is the key's, and its key's bytes only where its
    /// shape (length and tag) is the key's. Ends: the last entry is free ([`Self::decode`]
    /// refuses a file where it is not).
    // Measured: with a second caller (the article's other spelling) the compiler made this a call
    // from `hits_from`, +2.4% of GeoWebNews' instructions.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn find(&self, arena: &[u8], key: &[u8]) -> Option<&Slot> {
        self.find_hashed(arena, key, hash_key(&self.state, key))
    }

    /// [`Self::find`] of a key whose hash ([`hash_key`]) is `hash`.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn find_hashed(&self, arena: &[u8], key: &[u8], hash: u64) -> Option<&Slot> {
        debug_assert!(
            !key.iter().any(u8::is_ascii_uppercase),
            "keys are lower-cased"
        );
        let shape = shape_of(key.len(), hash)?;
        let control = control_of(hash);
        let mut at = home(hash, self.homes);
        loop {
            let group = u64::from_le_bytes(*self.control.get(at..)?.first_chunk::<GROUP>()?);
            let free = bytes_equal(group, 0);
            // The entries before the first free one (all of the group if none is free).
            let before_free = (free & free.wrapping_neg()).wrapping_sub(1);
            let mut candidates = bytes_equal(group, control) & before_free;
            while candidates != 0 {
                let s = self
                    .slots
                    .get(at + (candidates.trailing_zeros() / 8) as usize)?;
                if s.shape & !IS_PREFIX == shape {
                    let stored = s.key(arena);
                    // (A key with letters beyond ASCII may differ in their case only, one
                    // with a hyphen have a space there.)
                    if lower_eq(stored, key)
                        || ((!stored.is_ascii() || stored.contains(&b'-')) && same_key(stored, key))
                    {
                        return Some(s);
                    }
                }
                candidates &= candidates - 1;
            }
            if free != 0 {
                return None;
            }
            at += GROUP;
        }
    }

    /// Every occurrence in `text` of every key at word boundaries (no alphanumeric character
    /// right before or right after), overlapping, in no particular order. `arena` is the text
    /// the index was built over.
    pub fn hits<'g>(&'g self, arena: &'g str, text: &str) -> Vec<NameHit<'g>> {
        self.hits_where::<false>(arena, text)
    }

    /// The [`Self::hits`] that may stand for a name as written: those starting with a character
    /// that is not a lower-case letter, and those starting with a lower-case word that some
    /// spelling starts with in lower case (maybe a few more: the test is by a bit of the
    /// word's hash). Most words of a text are lower-case, and this skips most of them by their
    /// first byte and length, the rest with one hash.
    pub fn capitalised_hits<'g>(&'g self, arena: &'g str, text: &str) -> Vec<NameHit<'g>> {
        self.hits_where::<true>(arena, text)
    }

    fn hits_where<'g, const CAPITALISED: bool>(
        &'g self,
        arena: &'g str,
        text: &str,
    ) -> Vec<NameHit<'g>> {
        if self.names == 0 {
            return Vec::new();
        }
        // News holds a hit every few dozen bytes: room for one per 64 spares most regrowth.
        let mut out = Vec::with_capacity(text.len() / 64 + 1);
        let lower = lower_text(text);
        let bytes = text.as_bytes();
        let mut pos = 0;
        let mut after_alphanumeric = false;
        // A lower-case word the loop below found to open a lower-case spelling: where, and its
        // hash (asked once, not again by the tests after the loop).
        let mut opening: Option<(usize, u64)> = None;
        let mut starts = Starts {
            pending: [(0, 0, 0, false); LOOKAHEAD],
            queued: 0,
        };
        'scan: while pos < text.len() {
            if let Some(&b) = bytes.get(pos)
                && b < 0x80
                && !b.is_ascii_alphanumeric()
            {
                // (Spaces and punctuation are most of a text's tokens: each decided by a bit.)
                if !after_alphanumeric
                    && self.first_symbols.contains_ascii(b)
                    && let Some(due) = starts.push(self, &lower, (pos, pos + 1, false))
                {
                    self.hits_of_due(arena, text, &lower, due, &mut out);
                }
                after_alphanumeric = false;
                pos += 1;
                continue;
            }
            // Most words of a text are lower-case and open no spelling: such a word of ASCII
            // letters and digits, and the space or symbol after it, are passed over here, as
            // the tests below would pass them; a run of them in a loop of its own. A word that
            // may open a spelling goes on to the tests below.
            // (The word's shape is asked of its first byte as written: a lower-case letter is
            // its own lower case. Its key, hashed only where the shape passes, is the lower
            // text's: "iPhone".)
            if CAPITALISED
                && let Some(&first) = bytes.get(pos)
                && first.is_ascii_lowercase()
            {
                let mut first = first;
                loop {
                    let end = ascii_alphanumeric_end(bytes, pos);
                    let after = bytes.get(end).copied();
                    if after.is_some_and(|b| !b.is_ascii()) {
                        break;
                    }
                    if self.lower_shape_may_open(first, end - pos)
                        && let Some(hash) = self.lower_case_opening(&lower.as_bytes()[pos..end])
                    {
                        opening = Some((pos, hash));
                        break;
                    }
                    pos = end + usize::from(after.is_some());
                    after_alphanumeric = false;
                    match bytes.get(pos) {
                        Some(&b) if b.is_ascii_lowercase() => first = b,
                        _ => continue 'scan,
                    }
                }
            }
            let (alphanumeric, end) = token_at(text, pos);
            let may_start = !after_alphanumeric
                && (alphanumeric || self.first_symbols.contains(char_at(text, pos).0));
            let skip = CAPITALISED
                && alphanumeric
                && char_at(text, pos).0.is_lowercase()
                && match opening.take() {
                    Some((at, hash)) if at == pos => Some(hash),
                    _ => self.lower_case_opening(&lower.as_bytes()[pos..end]),
                }
                .is_none_or(|hash| {
                    !self.lower_word_may_open_a_kept_key(text, &lower, (pos, end, hash))
                });
            if may_start && !skip {
                let variants = alphanumeric && end - pos <= 5;
                if let Some(due) = starts.push(self, &lower, (pos, end, variants)) {
                    self.hits_of_due(arena, text, &lower, due, &mut out);
                }
            }
            after_alphanumeric = alphanumeric;
            pos = end;
            // Most words are followed by a space or an ASCII symbol, which no key can start
            // right after a letter or digit: taken here, without a turn of the loop.
            if alphanumeric
                && let Some(&b) = bytes.get(pos)
                && b < 0x80
            {
                after_alphanumeric = false;
                pos += 1;
            }
        }
        for due in starts.rest() {
            self.hits_of_due(arena, text, &lower, due, &mut out);
        }
        out
    }

    /// The keys starting at `start`, growing token by token from the first token's `end`.
    fn hits_from<'g>(
        &'g self,
        arena: &'g str,
        text: &str,
        lower: &str,
        start: usize,
        end: usize,
        out: &mut Vec<NameHit<'g>>,
    ) {
        let hash = lower
            .as_bytes()
            .get(start..end)
            .map_or(0, |key| hash_key(&self.state, key));
        self.hits_from_hashed(arena, text, lower, (start, end, hash), out);
    }

    /// [`Self::hits_from`] where the first key's hash ([`hash_key`]) is known: `first_hash`.
    /// Inlined into [`Self::hits_of_start`]: a call of its own there cost each start a few
    /// dozen instructions.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn hits_from_hashed<'g>(
        &'g self,
        arena: &'g str,
        text: &str,
        lower: &str,
        (start, mut end, first_hash): (usize, usize, u64),
        out: &mut Vec<NameHit<'g>>,
    ) {
        let bytes = lower.as_bytes();
        let first_end = end;
        // Whether a word of the key so far is "al" or "el" (each word is the key's last when it
        // is added): only then may the key's other spelling of the article be a key.
        let mut article = false;
        while end - start <= self.max_key_len {
            let key = &bytes[start..end];
            article |= ends_with_article(key);
            let hash = if end == first_end {
                first_hash
            } else {
                hash_key(&self.state, key)
            };
            // (The article's other spelling only for a key of several words with the article:
            // most failed lookups are of one word, and most of the rest have no article; each
            // call read the key's bytes, about 2% of the name lookup's instructions.)
            let Some(slot) = self.find_hashed(arena.as_bytes(), key, hash).or_else(|| {
                (article && end > first_end)
                    .then(|| self.find_article_variant(arena.as_bytes(), key))
                    .flatten()
            }) else {
                return;
            };
            if slot.targets_len > 0 && !is_alphanumeric_at(text, end) {
                let from = slot.targets_start as usize;
                out.push(NameHit {
                    start,
                    end,
                    targets: &self.targets[from..from + slot.targets_len as usize],
                    spellings: arena,
                });
            } else if slot.targets_len == 0
                && (key.starts_with(b"el ") || key.starts_with(b"al "))
                && key.get(3..).is_some_and(|rest| !rest.contains(&b' '))
                && !is_alphanumeric_at(text, end)
                && let Some(other) = self.find_article_variant(arena.as_bytes(), key)
                && other.targets_len > 0
            {
                // "El Arish": a key that is only the start of a longer name ("El Arish
                // International Airport") names what its other spelling names ("Al Arish").
                let from = other.targets_start as usize;
                out.push(NameHit {
                    start,
                    end,
                    targets: &self.targets[from..from + other.targets_len as usize],
                    spellings: arena,
                });
            }
            if !slot.is_prefix() || end >= text.len() {
                return;
            }
            let (alphanumeric, next) = token_at(text, end);
            // "tripoli" + " ": a key ending in a symbol that no name ends with can only be a
            // prefix ("tripoli " of "tripoli international"), and it is one if the longer key
            // is a key at all: look up the longer key straight away.
            let skip = !alphanumeric
                && next < text.len()
                && !self.last_symbols.contains(char_at(text, end).0);
            end = if skip { token_at(text, next).1 } else { next };
        }
    }
}

/// Name starts a scan holds back before looking them up: their first keys' table entries are
/// asked of memory when each start is found, and looked up this many starts later, so that the
/// cache misses of several lookups overlap instead of following one another (most found keys
/// cost a miss for their control bytes and one for their entry).
const LOOKAHEAD: usize = 8;

/// A start of [`NameIndex::hits_where`] waiting to be looked up: (start, first token's end,
/// its key's hash, whether the start's prefix word may be spelt other ways).
type Start = (usize, usize, u64, bool);

/// The starts [`NameIndex::hits_where`] found and has not looked up yet, oldest first from
/// `queued % LOOKAHEAD`.
struct Starts {
    pending: [Start; LOOKAHEAD],
    /// Starts pushed so far.
    queued: usize,
}

impl Starts {
    /// Holds back the start `(pos, end, variants)`, its entries asked of memory, and gives the
    /// one pushed [`LOOKAHEAD`] starts before, to be looked up now (hits in the order of their
    /// starts, as if each were looked up when found). Inlined, and the lookup left to the
    /// caller, one call ([`NameIndex::hits_of_start`]) with the key loop inlined into it: as
    /// three nested calls per start, GWN took 94.59M instructions; so, 94.03M.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn push(
        &mut self,
        index: &NameIndex,
        lower: &str,
        (pos, end, variants): (usize, usize, bool),
    ) -> Option<Start> {
        let hash = lower
            .as_bytes()
            .get(pos..end)
            .map_or(0, |key| hash_key(&index.state, key));
        let at = home(hash, index.homes);
        prefetch(index.control.as_ptr().wrapping_add(at));
        prefetch(index.slots.as_ptr().wrapping_add(at));
        let slot = self.queued % LOOKAHEAD;
        let due = (self.queued >= LOOKAHEAD).then(|| self.pending[slot]);
        self.pending[slot] = (pos, end, hash, variants);
        self.queued += 1;
        due
    }

    /// The starts still held back, oldest first.
    fn rest(&self) -> impl Iterator<Item = Start> + '_ {
        (self.queued.saturating_sub(LOOKAHEAD)..self.queued).map(|n| self.pending[n % LOOKAHEAD])
    }
}

impl NameIndex {
    /// [`Self::hits_of_start`] where the start may have hits: where its first key may be in the
    /// table, by the first group of its control bytes, or where its prefix word may be spelt
    /// other ways. About two starts in five, capitalised words that begin no name ("The",
    /// "He", "President"), are decided here, without the call, whose setup alone (the
    /// index's fields into registers and onto the stack for the key loop) costs more than this
    /// test.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn hits_of_due<'g>(
        &'g self,
        arena: &'g str,
        text: &str,
        lower: &str,
        due: Start,
        out: &mut Vec<NameHit<'g>>,
    ) {
        let (pos, _, hash, variants) = due;
        // (A short word is a prefix word only where its first byte may open one, which most
        // do not.)
        let variants = variants
            && lower
                .as_bytes()
                .get(pos)
                .is_some_and(|&b| may_open_prefix_spelling(b));
        if variants || self.may_hold(hash) {
            self.hits_of_start(arena, text, lower, due, out);
        }
    }

    /// Whether the table may hold a key whose hash is `hash`: false only where
    /// [`Self::find_hashed`] finds no slot for it in the first group of control bytes it reads
    /// (no entry with the key's control byte before the first free one).
    #[inline]
    fn may_hold(&self, hash: u64) -> bool {
        let at = home(hash, self.homes);
        let Some(group) = self
            .control
            .get(at..)
            .and_then(<[u8]>::first_chunk::<GROUP>)
        else {
            return true;
        };
        let group = u64::from_le_bytes(*group);
        let free = bytes_equal(group, 0);
        let before_free = (free & free.wrapping_neg()).wrapping_sub(1);
        free == 0 || bytes_equal(group, control_of(hash)) & before_free != 0
    }

    /// The hits of the start `(pos, end, hash, variants)` ([`Starts`]).
    fn hits_of_start<'g>(
        &'g self,
        arena: &'g str,
        text: &str,
        lower: &str,
        (pos, end, hash, variants): Start,
        out: &mut Vec<NameHit<'g>>,
    ) {
        let first = out.len();
        self.hits_from_hashed(arena, text, lower, (pos, end, hash), out);
        if variants {
            self.prefix_variant_hits(arena, lower, pos, end, first, out);
        }
    }
}

/// Asks the processor to bring the cache line at `p` in, without waiting for it: a hint, with
/// no effect on what the program computes.
#[inline(always)]
#[allow(clippy::inline_always)]
pub(super) fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing into the program and never faults, whatever the address
    // (Intel's and AMD's manuals: PREFETCHh is a hint); `p` is not dereferenced.
    #[allow(unsafe_code)]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

impl NameIndex {
    /// The slot of `key` with its Arabic article written the other way, "al" for "el" and "el"
    /// for "al" ("deir al balah" for the data's "Deir El Balah", "sharm al sheikh" for "Sharm
    /// el-Sheikh"): a word of its own in a name of several words. Asked only where `key` itself
    /// is no key; the two spellings are of one length, so a hit keeps the text's offsets.
    #[cold]
    #[inline(never)]
    fn find_article_variant(&self, arena: &[u8], key: &[u8]) -> Option<&Slot> {
        // (A plain loop: keys are a few words long, and a library search's setup costs more.)
        let mut variant: Option<Vec<u8>> = None;
        for i in 0..key.len().saturating_sub(1) {
            let article = matches!(key[i], b'a' | b'e')
                && key[i + 1] == b'l'
                && (i == 0 || key[i - 1] == b' ')
                && key.get(i + 2).is_none_or(|&b| b == b' ');
            if article {
                let v = variant.get_or_insert_with(|| key.to_vec());
                v[i] = if key[i] == b'a' { b'e' } else { b'a' };
            }
        }
        self.find(arena, &variant?)
    }
}

/// The lower-cased `key` ends with the word "al" or "el" (after a space, or alone): a word of
/// [`NameIndex::find_article_variant`]'s, which asks more (a space or the end after it).
#[inline]
fn ends_with_article(key: &[u8]) -> bool {
    matches!(key, [b'a' | b'e', b'l'] | [.., b' ', b'a' | b'e', b'l'])
}

/// Words that open place names in a full and a short spelling, lower-case, each with a dot and
/// without: "Saint Croix County", "St. Croix County" and "St Croix County" name one place. And
/// the Arabic words that open names in two transliterations, English and French: "Umm Qasr" and
/// "Um Qasr", "Abu Kamal" and "Abou Kamal".
const PREFIX_SPELLINGS: &[&[&str]] = &[
    &["saint", "st.", "st", "sankt"],
    &["mount", "mt.", "mt"],
    &["fort", "ft.", "ft"],
    &["umm", "um"],
    &["abu", "abou"],
];

/// The spellings of [`PREFIX_SPELLINGS`] looked up for the one a text writes, where the data
/// spells a name one way only: the short form with its dot (the data has "St. Croix County"
/// only, and only "Fort Worth", "Mount Shasta"), and the German "Sankt" that English news writes
/// "St." ("St. Pölten" for Sankt Pölten). Not the full "Saint" for "St.": the data gives "St." to
/// the places that write it, and "St. Patrick" of a text is a saint more often than Saint
/// Patrick, the parish of Dominica.
const PREFIX_LOOKUPS: &[(&str, &[&str])] = &[
    ("saint", &["st."]),
    ("st", &["st.", "sankt"]),
    ("st.", &["sankt"]),
    ("mt", &["mount", "mt."]),
    ("mt.", &["mount"]),
    ("ft", &["fort", "ft."]),
    ("ft.", &["fort"]),
    ("um", &["umm"]),
    ("umm", &["um"]),
    ("abou", &["abu"]),
    ("abu", &["abou"]),
];

/// Whether a lower-cased word starting with the byte `b` may be a word of [`PREFIX_LOOKUPS`].
fn may_open_prefix_spelling(b: u8) -> bool {
    matches!(b, b's' | b'm' | b'f' | b'u' | b'a')
}

/// The prefix word at `pos` of `lower` as written (with its dot, if any) and the spellings to
/// look up for it ([`PREFIX_LOOKUPS`]).
fn prefix_spellings(
    lower: &str,
    pos: usize,
    end: usize,
) -> Option<(&str, &'static [&'static str])> {
    if !lower
        .as_bytes()
        .get(pos)
        .is_some_and(|&b| may_open_prefix_spelling(b))
    {
        return None;
    }
    let dotted = lower.as_bytes().get(end) == Some(&b'.');
    let written = if dotted {
        lower.get(pos..=end)?
    } else {
        lower.get(pos..end)?
    };
    PREFIX_LOOKUPS
        .iter()
        .find(|(w, _)| *w == written)
        .map(|&(_, others)| (written, others))
}

/// `surface` and `spelling` open with two spellings of one prefix word ("Saint Croix", "St.
/// Croix"): the rest of each, after the prefix word and its space; the prefix as written is
/// capitalised.
pub fn after_prefix_spellings<'a, 'b>(
    surface: &'a str,
    spelling: &'b str,
) -> Option<(&'a str, &'b str)> {
    let split = |s: &str| -> Option<(usize, usize)> {
        let word = s.find(' ')?;
        let head = s.get(..word)?.to_ascii_lowercase();
        let group = PREFIX_SPELLINGS
            .iter()
            .position(|g| g.contains(&head.as_str()))?;
        Some((group, word + 1))
    };
    let (a, at) = split(surface)?;
    let (b, bt) = split(spelling)?;
    let capital = surface.starts_with(|c: char| c.is_ascii_uppercase());
    (a == b && capital && surface.get(..at)? != spelling.get(..bt)?)
        .then(|| Some((surface.get(at..)?, spelling.get(bt..)?)))
        .flatten()
}

impl NameIndex {
    /// The hits of the other spellings of a prefix word at `pos` ("St. Croix County" where the
    /// text says "Saint Croix County"), at the offsets of the text, where the text's own
    /// spelling has no hit of the same length. Only hits that reach past the prefix word count.
    /// `first`: where the hits at `pos` of the text's own spelling begin in `out`.
    fn prefix_variant_hits<'g>(
        &'g self,
        arena: &'g str,
        lower: &str,
        pos: usize,
        end: usize,
        first: usize,
        out: &mut Vec<NameHit<'g>>,
    ) {
        let Some((written, others)) = prefix_spellings(lower, pos, end) else {
            return;
        };
        let rest_at = pos + written.len();
        if lower.as_bytes().get(rest_at) != Some(&b' ') {
            return;
        }
        // A few bytes more than the longest key: the test that a hit ends at a word's end
        // looks at the character after it.
        let mut cut = (rest_at + self.max_key_len + 8).min(lower.len());
        while !lower.is_char_boundary(cut) {
            cut -= 1;
        }
        let rest = &lower[rest_at..cut];
        let mut buf = String::with_capacity(6 + rest.len());
        let mut found = Vec::new();
        for &other in others {
            buf.clear();
            buf.push_str(other);
            buf.push_str(rest);
            let first_end = token_at(&buf, 0).1;
            found.clear();
            self.hits_from(arena, &buf, &buf, 0, first_end, &mut found);
            for hit in &found {
                if hit.end <= other.len() + 1 {
                    continue;
                }
                let at_end = pos + hit.end - other.len() + written.len();
                if !out[first..]
                    .iter()
                    .any(|h| h.start == pos && h.end == at_end)
                {
                    out.push(NameHit {
                        start: pos,
                        end: at_end,
                        ..*hit
                    });
                }
            }
        }
    }

    /// The value a key's hash must have for an index file written by another build to be
    /// used: the stored hashes are only right if this build hashes keys the same way.
    pub(super) fn hash_probe() -> u64 {
        hash_key(&State::default(), b"newsatlas name index probe")
    }

    /// Writes the index to an index file ([`super::cache`]): the table as it is, free entries
    /// included, so that reading it back is a copy (no key is hashed or placed again).
    pub(super) fn encode(&self, w: &mut Writer) {
        w.len(self.slots.len());
        for slot in &self.slots {
            for n in [
                slot.key_start,
                slot.shape,
                slot.targets_start,
                slot.targets_len,
            ] {
                w.u32(n);
            }
        }
        w.len(self.targets.len());
        for t in &self.targets {
            for n in [t.role, t.spelling_start, t.spelling_len] {
                w.u32(n);
            }
        }
        w.bytes(&self.control);
        w.len(self.homes);
        w.u32s(self.first_symbols.iter().map(|&c| u32::from(c)));
        w.u32s(self.last_symbols.iter().map(|&c| u32::from(c)));
        w.len(self.max_key_len);
        w.len(self.names);
        // Each 64-bit word as two `u32`, low half first.
        let halves: Vec<u32> = self
            .lower_first
            .iter()
            .flat_map(|&b| [b as u32, (b >> 32) as u32])
            .collect();
        w.u32s(halves.into_iter());
        w.u32s(self.lower_shapes.iter().copied());
        let halves: Vec<u32> = self
            .lower_keys
            .iter()
            .flat_map(|&b| [b as u32, (b >> 32) as u32])
            .collect();
        w.u32s(halves.into_iter());
    }

    /// Reads an index written by [`Self::encode`]. What a lookup relies on is checked, so that a
    /// damaged file is refused instead of read wrong or looped over: a control byte per entry,
    /// 0 exactly where the entry is free (all zero), the last entry free (where every probe
    /// ends at the latest), the homes within the entries and every key's targets within the
    /// list. (A key's bytes are read with a check at each lookup, and the file's checksum finds
    /// other damage.)
    pub(super) fn decode(r: &mut Reader<'_>) -> Decoded<NameIndex> {
        const SLOT_BYTES: usize = 4 * 4;
        let n = r.len(SLOT_BYTES)?;
        let raw = r.take(n * SLOT_BYTES)?;
        let mut slots = Vec::with_capacity(n);
        slots.extend(codec::chunks::<SLOT_BYTES>(raw).map(|c| Slot {
            key_start: u32_at(c, 0),
            shape: u32_at(c, 4),
            targets_start: u32_at(c, 8),
            targets_len: u32_at(c, 12),
        }));
        let n = r.len(12)?;
        let raw = r.take(n * 12)?;
        let mut targets = Vec::with_capacity(n);
        targets.extend(codec::chunks::<12>(raw).map(|c| NameTarget {
            role: u32_at(c, 0),
            spelling_start: u32_at(c, 4),
            spelling_len: u32_at(c, 8),
        }));
        if slots.iter().any(|s| {
            (s.targets_start as usize).saturating_add(s.targets_len as usize) > targets.len()
        }) {
            return Err(Damaged("a name's targets run past the list"));
        }
        if slots.iter().any(|s| s.is_free() && *s != Slot::default()) {
            return Err(Damaged("a free entry of the name index is not empty"));
        }
        let control = r.bytes()?.to_vec();
        if control.len() != slots.len() + GROUP
            || control
                .iter()
                .zip(&slots)
                .any(|(&c, s)| (c == 0) != s.is_free())
            || control
                .get(slots.len()..)
                .is_some_and(|pad| pad.iter().any(|&c| c != 0))
        {
            return Err(Damaged(
                "the name index's control bytes do not fit its entries",
            ));
        }
        if slots.last().is_some_and(|s| !s.is_free()) {
            return Err(Damaged("the name index's last entry is not free"));
        }
        let homes = usize::try_from(r.u64()?).map_err(|_| Damaged("a count is too large"))?;
        if homes > slots.len() {
            return Err(Damaged("the name index has more homes than entries"));
        }
        let symbols = |r: &mut Reader<'_>| -> Decoded<Vec<char>> {
            r.u32s()?
                .into_iter()
                .map(|c| char::from_u32(c).ok_or(Damaged("a symbol is not a character")))
                .collect()
        };
        let first_symbols = Symbols::new(symbols(r)?);
        let last_symbols = Symbols::new(symbols(r)?);
        let count = |r: &mut Reader<'_>| {
            usize::try_from(r.u64()?).map_err(|_| Damaged("a count is too large"))
        };
        let max_key_len = count(r)?;
        let names = count(r)?;
        // A bit set of `bits` bits, stored as `u32` halves.
        let bit_set = |r: &mut Reader<'_>, bits: usize, missing: &'static str| {
            let halves = r.u32s()?;
            if halves.len() != bits / 32 {
                return Err(Damaged(missing));
            }
            Ok::<Vec<u64>, Damaged>(
                halves
                    .chunks_exact(2)
                    .map(|h| u64::from(h[0]) | (u64::from(h[1]) << 32))
                    .collect(),
            )
        };
        let lower_first = bit_set(
            r,
            LOWER_BITS,
            "the name index's first-word bits are missing",
        )?;
        let Ok(lower_shapes) = Box::<[u32; 256]>::try_from(r.u32s()?) else {
            return Err(Damaged("the name index's first-word shapes are missing"));
        };
        let lower_keys = bit_set(
            r,
            LOWER_KEY_BITS,
            "the name index's lower-case key bits are missing",
        )?;
        Ok(NameIndex {
            slots,
            control,
            homes,
            targets,
            state: State::default(),
            first_symbols,
            last_symbols,
            max_key_len,
            names,
            lower_first,
            lower_shapes,
            lower_keys,
        })
    }
}

/// The role of a [`Pending`] entry that is a prefix of a name, not a name.
const PREFIX_ENTRY: u32 = u32::MAX;

/// A key as added: a name with its role, or a prefix of a name ([`PREFIX_ENTRY`]).
#[derive(Clone, Copy, Debug)]
struct Pending {
    hash: u64,
    start: u32,
    len: u32,
    role: u32,
}

/// Collects names, then builds the [`NameIndex`].
#[derive(Default)]
pub struct NameIndexBuilder {
    state: State,
    /// Names and their prefixes by part ([`part_of`] their hash), each part in the order added;
    /// empty until the first name.
    parts: Vec<Vec<Pending>>,
    first_symbols: Vec<char>,
    last_symbols: Vec<char>,
    max_key_len: usize,
    /// Scratch for lower-casing keys.
    lower: Vec<u8>,
    /// See [`NameIndex::lower_first`]; empty until the first such spelling.
    lower_first: Vec<u64>,
    /// See [`NameIndex::lower_shapes`]; empty until the first such spelling.
    lower_shapes: Vec<u32>,
    /// See [`NameIndex::lower_keys`]: the keys of spellings (those of one token are added by
    /// [`Self::finish`]); empty until the first such key.
    lower_keys: Vec<u64>,
}

impl NameIndexBuilder {
    fn push(&mut self, arena: &[u8], start: u32, len: u32, role: u32) {
        let raw = arena
            .get(start as usize..(start + len) as usize)
            .unwrap_or(&[]);
        let hash = hash_key(&self.state, lower_into(&mut self.lower, raw));
        if self.parts.len() < PARTS {
            self.parts.resize_with(PARTS, Vec::new);
        }
        if let Some(part) = self.parts.get_mut(part_of(hash)) {
            part.push(Pending {
                hash,
                start,
                len,
                role,
            });
        }
    }

    /// Adds the spelling `arena[start..start + len]` (found case-insensitively) standing
    /// for `role`. The same `arena` (grown only at its end) must be given to every call, to
    /// [`Self::finish`] and to [`NameIndex::hits`].
    pub fn add(&mut self, arena: &str, start: u32, len: u32, role: NameRole) {
        if len == 0 || len >= LONG_KEY {
            return;
        }
        self.push(arena.as_bytes(), start, len, pack_role(role));
        let spelling = arena
            .get(start as usize..(start + len) as usize)
            .unwrap_or("");
        self.max_key_len = self.max_key_len.max(spelling.len());
        let (first, _) = char_at(spelling, 0);
        if !first.is_alphanumeric() && !self.first_symbols.contains(&first) {
            self.first_symbols.push(first);
        }
        // "Al-Bab" is written "al-Bab" as often: its lower-case first word opens it too.
        let lower_article = capitalised_arabic_article(spelling);
        if first.is_lowercase() || lower_article {
            let word = spelling
                .as_bytes()
                .get(..token_at(spelling, 0).1)
                .unwrap_or(&[]);
            let word = lower_into(&mut self.lower, word);
            let bit = lower_bit(hash_key(&self.state, word));
            self.lower_first.resize(LOWER_BITS / 64, 0);
            if let Some(w) = self.lower_first.get_mut(bit / 64) {
                *w |= 1 << (bit % 64);
            }
            self.lower_shapes.resize(256, 0);
            if let Some(&b) = word.first()
                && let Some(lengths) = self.lower_shapes.get_mut(usize::from(b))
            {
                *lengths |= length_bit(word.len());
            }
        }
        if let Some(last) = spelling.chars().next_back()
            && !last.is_alphanumeric()
            && !self.last_symbols.contains(&last)
        {
            self.last_symbols.push(last);
        }
        // Every prefix of the name that ends at a token boundary, so lookups can stop early.
        // (Tokens of the spelling are tokens of its key: lower-casing ASCII keeps them.)
        let first_end = token_at(spelling, 0).1;
        let mut pos = first_end;
        while pos < spelling.len() {
            self.push(arena.as_bytes(), start, offset(pos), PREFIX_ENTRY);
            pos = token_at(spelling, pos).1;
        }
        // The keys past the first token that the matcher keeps after a lower-case word.
        if first.is_lowercase() || lower_article || spelling.ends_with(" City") {
            let mut end = first_end;
            while end < spelling.len() {
                end = token_at(spelling, end).1;
                let key = spelling.as_bytes().get(..end).unwrap_or(&[]);
                let key = lower_into(&mut self.lower, key);
                set_lower_key_bit(
                    &mut self.lower_keys,
                    lower_key_bit(hash_key(&self.state, key)),
                );
                // (And the key with its Arabic article written the other way, "el" for "al":
                // news writes either for one name, so a lookup that tries both must not be cut
                // short here by the spelling the data happens to give.)
                if let Some(other) = article_variant(key) {
                    let hash = hash_key(&self.state, &other);
                    set_lower_key_bit(&mut self.lower_keys, lower_key_bit(hash));
                }
            }
        }
    }

    pub fn finish(self, arena: &str) -> NameIndex {
        // The parts in parallel: this is most of the build after the files are read. Their
        // buffers are allocated here, by the calling thread (see [`Scratch`]).
        let scratch: Vec<Scratch> = (0..PARTS)
            .map(|p| Scratch::with_capacity(self.parts.get(p).map_or(0, Vec::len)))
            .collect();
        let parts: Vec<Part> = scratch
            .into_par_iter()
            .enumerate()
            .map(|(p, scratch)| {
                let entries = self.parts.get(p).map_or(&[][..], Vec::as_slice);
                Part::build(arena, entries, scratch)
            })
            .collect();
        let first_symbols = Symbols::new(self.first_symbols);
        let last_symbols = Symbols::new(self.last_symbols);
        let lower_first = if self.lower_first.is_empty() {
            vec![0; LOWER_BITS / 64]
        } else {
            self.lower_first
        };
        let lower_shapes =
            Box::<[u32; 256]>::try_from(self.lower_shapes).unwrap_or_else(|_| Box::new([0; 256]));
        // The keys of one token that name something and that a lower-case word passing the
        // first-word tests may be ([`NameIndex::lower_keys`]): "reading" of "Reading", where
        // "reading room" starts in lower case. (A key opening with a letter beyond ASCII, whose
        // lower case may start with another byte, is taken without the tests.)
        let mut lower_keys = self.lower_keys;
        for part in &parts {
            for (slot, &hash) in part.slots.iter().zip(&part.hashes) {
                let key = arena
                    .get(slot.key_start as usize..slot.key_start as usize + slot.len())
                    .unwrap_or("");
                if slot.targets_len == 0 || key.is_empty() || token_at(key, 0).1 != key.len() {
                    continue;
                }
                let passes = key.as_bytes().first().is_none_or(|&b| {
                    !b.is_ascii()
                        || lower_shapes
                            .get(usize::from(b.to_ascii_lowercase()))
                            .is_some_and(|&lengths| lengths & length_bit(key.len()) != 0)
                            && has_bit(&lower_first, lower_bit(hash))
                });
                if passes {
                    set_lower_key_bit(&mut lower_keys, lower_key_bit(hash));
                }
            }
        }
        if lower_keys.is_empty() {
            lower_keys = vec![0; LOWER_KEY_BITS / 64];
        }

        let mut targets = Vec::with_capacity(parts.iter().map(|p| p.targets.len()).sum());
        let keys = parts.iter().map(|p| p.slots.len()).sum();
        let homes = capacity_for(keys);
        // Room for the keys that run on past the last home (a few), cut to what they take
        // below.
        let mut slots = vec![Slot::default(); homes + RUN_ON];
        let mut control = vec![0; homes + RUN_ON + GROUP];
        for part in &parts {
            let shift = offset(targets.len());
            targets.extend_from_slice(&part.targets);
            for (slot, &hash) in part.slots.iter().zip(&part.hashes) {
                let mut at = home(hash, homes);
                while slots.get(at).is_some_and(|s| !s.is_free()) {
                    at += 1;
                }
                // The last entry stays free: one more where a key takes it.
                if at + 1 >= slots.len() {
                    slots.push(Slot::default());
                    control.push(0);
                }
                if let (Some(free), Some(c)) = (slots.get_mut(at), control.get_mut(at)) {
                    *free = Slot {
                        targets_start: slot.targets_start + shift,
                        ..*slot
                    };
                    *c = control_of(hash);
                }
            }
        }
        drop(parts);
        // One free entry after the last key, and no more.
        let used = slots
            .iter()
            .rposition(|s| !s.is_free())
            .map_or(0, |i| i + 1);
        slots.truncate(used.max(homes) + 1);
        slots.shrink_to_fit();
        control.truncate(slots.len() + GROUP);
        control.shrink_to_fit();
        debug_assert!(slots.last().is_some_and(Slot::is_free));
        let names = slots.iter().filter(|s| s.targets_len > 0).count();
        NameIndex {
            slots,
            control,
            homes,
            targets,
            state: State::default(),
            first_symbols,
            last_symbols,
            max_key_len: self.max_key_len,
            names,
            lower_first,
            lower_shapes,
            lower_keys,
        }
    }
}

/// The buffers one part is built in, each with room for all its entries, so that the build
/// allocates nothing. They are allocated by the thread that finishes the index, not by the
/// worker that fills them: with glibc, memory a worker allocates and frees stays in that
/// thread's arena, out of reach of the main thread's later allocations (34 MB more peak memory
/// at 1M events when the workers allocated their own).
struct Scratch {
    slots: Vec<Slot>,
    hashes: Vec<u64>,
    table: HashTable<u32>,
    slot_of: Vec<u32>,
    grouped: Vec<NameTarget>,
    targets: Vec<NameTarget>,
}

impl Scratch {
    fn with_capacity(len: usize) -> Scratch {
        Scratch {
            slots: Vec::with_capacity(len),
            hashes: Vec::with_capacity(len),
            table: HashTable::with_capacity(len),
            slot_of: Vec::with_capacity(len),
            grouped: Vec::with_capacity(len),
            targets: Vec::with_capacity(len),
        }
    }
}

/// One part of the table while it is built: its keys in the order added, each key's hash, and
/// their targets.
struct Part {
    slots: Vec<Slot>,
    hashes: Vec<u64>,
    targets: Vec<NameTarget>,
}

impl Part {
    /// The slots and targets of `entries` (all of one part, in the order added): one slot per
    /// key, its targets in the order added without repeats (the same role and spelling).
    fn build(text: &str, entries: &[Pending], scratch: Scratch) -> Part {
        let arena = text.as_bytes();
        let Scratch {
            mut slots,
            // The hash of each slot's key, for the table's rehashes.
            mut hashes,
            mut table,
            // The slot of each entry.
            mut slot_of,
            mut grouped,
            mut targets,
        } = scratch;
        for e in entries {
            let raw = arena
                .get(e.start as usize..(e.start + e.len) as usize)
                .unwrap_or(&[]);
            let found = table
                .find(e.hash, |&i| same_key(slots[i as usize].key(arena), raw))
                .copied();
            let slot = found.unwrap_or_else(|| {
                let i = offset(slots.len());
                slots.push(Slot {
                    key_start: e.start,
                    // (`add` takes no key too long for a shape.)
                    shape: shape_of(e.len as usize, e.hash).unwrap_or(LONG_KEY),
                    targets_start: 0,
                    targets_len: 0,
                });
                hashes.push(e.hash);
                table.insert_unique(e.hash, i, |&j| hashes[j as usize]);
                i
            });
            if e.role == PREFIX_ENTRY {
                slots[slot as usize].shape |= IS_PREFIX;
            } else {
                slots[slot as usize].targets_len += 1;
            }
            slot_of.push(slot);
        }
        // Group the targets by slot (a counting sort keeps the order they were added in).
        let mut at = 0;
        for s in &mut slots {
            s.targets_start = at;
            at += s.targets_len;
            s.targets_len = 0;
        }
        grouped.resize(
            at as usize,
            NameTarget {
                role: 0,
                spelling_start: 0,
                spelling_len: 0,
            },
        );
        for (e, &slot) in entries.iter().zip(&slot_of) {
            if e.role == PREFIX_ENTRY {
                continue;
            }
            let s = &mut slots[slot as usize];
            grouped[(s.targets_start + s.targets_len) as usize] = NameTarget {
                role: e.role,
                spelling_start: e.start,
                spelling_len: e.len,
            };
            s.targets_len += 1;
        }
        // Drop repeats, slot by slot.
        for s in &mut slots {
            let first = targets.len();
            let from = s.targets_start as usize;
            for t in grouped
                .get(from..from + s.targets_len as usize)
                .unwrap_or(&[])
            {
                let repeat = targets[first..].iter().any(|u: &NameTarget| {
                    u.role == t.role && spelling_of(text, u) == spelling_of(text, t)
                });
                if !repeat {
                    targets.push(*t);
                }
            }
            s.targets_start = offset(first);
            s.targets_len = offset(targets.len() - first);
        }
        Part {
            slots,
            hashes,
            targets,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An index over `names` and the arena holding them.
    fn index(names: &[&str]) -> (NameIndex, String) {
        let mut arena = String::new();
        let mut b = NameIndexBuilder::default();
        for (i, n) in names.iter().enumerate() {
            let start = offset(arena.len());
            arena.push_str(n);
            b.add(
                &arena,
                start,
                offset(n.len()),
                NameRole::Place(PlaceIdx(i as u32)),
            );
        }
        (b.finish(&arena), arena)
    }

    fn found((ix, arena): &(NameIndex, String), text: &str) -> Vec<(String, Vec<String>)> {
        let mut hits: Vec<(String, Vec<String>)> = ix
            .hits(arena, text)
            .iter()
            .map(|h| {
                (
                    text[h.start..h.end].to_owned(),
                    h.targets().map(|(_, s)| s.to_owned()).collect(),
                )
            })
            .collect();
        hits.sort();
        hits
    }

    #[test]
    fn names_are_found_ignoring_ascii_case_at_word_boundaries_and_overlapping() {
        let ix = index(&[
            "Tripoli",
            "Tripoli International Airport",
            "tripoli",
            "Al-Watiya",
        ]);
        let got = found(
            &ix,
            "TRIPOLI International Airport, Tripolitania, al-watiya base",
        );
        let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            got,
            vec![
                ("TRIPOLI".to_owned(), names(&["Tripoli", "tripoli"])),
                (
                    "TRIPOLI International Airport".to_owned(),
                    names(&["Tripoli International Airport"])
                ),
                ("al-watiya".to_owned(), names(&["Al-Watiya"])),
            ]
        );
    }

    #[test]
    fn names_that_start_or_end_with_a_symbol_are_found() {
        let ix = index(&["‘Irqah", "Yanbu`", "Zürich"]);
        let got = found(
            &ix,
            "From ‘Irqah to Yanbu` and ZüRICH, not x‘Irqah or Zürichsee.",
        );
        let surfaces: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(surfaces, ["Yanbu`", "ZüRICH", "‘Irqah"]);
    }

    #[test]
    fn a_hyphen_and_a_space_between_words_of_a_name_are_one() {
        let ix = index(&["Kafr el-Zayt", "Vella Nova"]);
        let got = found(
            &ix,
            "From Kafr El Zayt to Kafr el-Zayt, Vella-Nova, Kafr-el Zayt; not Kafrel Zayt.",
        );
        let surfaces: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            surfaces,
            ["Kafr El Zayt", "Kafr el-Zayt", "Kafr-el Zayt", "Vella-Nova"]
        );
        assert!(got.iter().all(|(_, spellings)| spellings.len() == 1));
    }

    #[test]
    fn the_search_for_letters_beyond_ascii_stops_where_a_byte_by_byte_search_does() {
        // Each piece at every offset in a 16-byte step, and past the last whole step.
        let pieces = [
            "“quoted” — ",
            "Zürich ",
            "ÅRHUS ",
            "Днепр ",
            "naïve ",
            "ascii only ",
        ];
        for piece in pieces {
            for pad in 0..40 {
                let text = format!("{}{piece}{}", "x".repeat(pad), "y".repeat(pad % 7));
                let bytes = text.as_bytes();
                for at in (0..=bytes.len()).filter(|&i| text.is_char_boundary(i)) {
                    let expected = bytes[at..]
                        .iter()
                        .position(|&b| b >= 0xC0 && b != 0xE2)
                        .map(|k| at + k);
                    assert_eq!(next_letter_lead(bytes, at), expected, "{text:?} from {at}");
                }
            }
        }
    }

    #[test]
    fn letters_beyond_ascii_match_in_either_case() {
        let ix = index(&["Viña del Mar", "Bogotá", "Århus", "Şanlıurfa", "Днепр"]);
        let surfaces =
            |text: &str| -> Vec<String> { found(&ix, text).into_iter().map(|(s, _)| s).collect() };
        assert_eq!(surfaces("VIÑA DEL MAR, Chile"), ["VIÑA DEL MAR"]);
        assert_eq!(surfaces("BOGOTÁ, bogotá"), ["BOGOTÁ", "bogotá"]);
        assert_eq!(surfaces("ÅRHUS, århus"), ["ÅRHUS", "århus"]);
        assert_eq!(surfaces("ДНЕПР"), ["ДНЕПР"]);
        assert_eq!(surfaces("şanlıurfa"), ["şanlıurfa"]);
        // A dotless "ı" has no capital of its own: "I" lower-cases to "i", another letter.
        assert!(surfaces("ŞANLIURFA").is_empty());
        assert!(surfaces("ŞanlIurfa").is_empty());
    }

    #[test]
    fn every_prefix_word_passes_the_first_byte_test() {
        for (word, others) in PREFIX_LOOKUPS {
            for w in std::iter::once(word).chain(others.iter()) {
                assert!(may_open_prefix_spelling(w.as_bytes()[0]), "{w}");
            }
        }
    }

    #[test]
    fn lower_casing_keeps_every_letter_at_its_offset() {
        for text in [
            "VIÑA DEL MAR",
            "İSTANBUL ẞ Æ Ø Ǆ ΣΟΦΙΑ",
            "“QUOTED” ÀÉÎÕÜ",
            "\u{10400}x",
        ] {
            let mut lower = text.as_bytes().to_vec();
            lower_in_place(&mut lower);
            let lower = String::from_utf8(lower).unwrap_or_default();
            assert_eq!(lower, lower_text(text), "{text}");
            assert_eq!(lower.len(), text.len(), "{text}");
            for (a, b) in text.char_indices().zip(lower.char_indices()) {
                assert_eq!(a.0, b.0, "{text}");
            }
        }
        let mut lower = "VIÑA DEL MAR, ΣΟΦΙΑ, Ǆ".as_bytes().to_vec();
        lower_in_place(&mut lower);
        assert_eq!(
            String::from_utf8(lower).unwrap_or_default(),
            "viña del mar, σοφια, ǆ"
        );
    }

    /// `s` lower-cased character by character, a letter only where its lower case is one
    /// letter of the same length, a hyphen as a space: the oracle of what [`lower_in_place`]
    /// does by bytes (also for the gazetteer's brute-force test).
    pub(crate) fn fold_by_chars(s: &str) -> String {
        s.chars()
            .map(|c| if c == '-' { ' ' } else { c })
            .map(|c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                    _ => c,
                }
            })
            .collect()
    }

    /// Every name of `names` in `text`, case-insensitively (letters whose lower case has the
    /// same length) at word boundaries, found the slow way.
    fn naive(names: &[&str], text: &str) -> Vec<(String, Vec<String>)> {
        let mut at = std::collections::BTreeMap::<(usize, usize), Vec<String>>::new();
        for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            if text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            for name in names {
                let end = start + name.len();
                if text
                    .get(start..end)
                    .is_some_and(|s| fold_by_chars(s) == fold_by_chars(name))
                    && !text[end..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    at.entry((start, end)).or_default().push((*name).to_owned());
                }
            }
        }
        let mut out: Vec<(String, Vec<String>)> = at
            .into_iter()
            .map(|((start, end), mut spellings)| {
                spellings.sort();
                (text[start..end].to_owned(), spellings)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_prefix_word_is_found_in_its_other_spellings() {
        let ix = index(&[
            "St. Croix County",
            "Saint Croix",
            "Mount Vernon",
            "St. Louis",
            "Saint Louis",
        ]);
        let got = found(
            &ix,
            "in Saint Croix County, St Louis, Mt. Vernon and Saint Louis.",
        );
        let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            got,
            vec![
                ("Mt. Vernon".to_owned(), names(&["Mount Vernon"])),
                ("Saint Croix".to_owned(), names(&["Saint Croix"])),
                (
                    "Saint Croix County".to_owned(),
                    names(&["St. Croix County"])
                ),
                ("Saint Louis".to_owned(), names(&["Saint Louis"])),
                ("St Louis".to_owned(), names(&["St. Louis"])),
            ]
        );
        // Not a prefix word, nor one joined to the next word; "St." is not looked up as "Saint".
        assert!(found(&ix, "Stanford, St.Louis").is_empty());
        let ix = index(&["Saint Patrick"]);
        assert!(found(&ix, "St. Patrick").is_empty());
        // The German "Sankt" of the data, written "St." or "St" by the news.
        let ix = index(&["Sankt Polten"]);
        assert_eq!(
            found(&ix, "flooded St. Polten and St Polten."),
            vec![
                ("St Polten".to_owned(), names(&["Sankt Polten"])),
                ("St. Polten".to_owned(), names(&["Sankt Polten"])),
            ]
        );
    }

    #[test]
    fn hits_are_what_a_naive_search_finds() {
        let names = [
            "Tripoli",
            "Tripoli International Airport",
            "Al-Watiya",
            "St. Louis",
            "St.",
            "Yanbu`",
            "Port-",
            "New  York",
            "‘Irqah",
            "Zürich",
            "A B",
            "'Ayn Zara",
        ];
        let ix = index(&names);
        for text in [
            "'Ayn Zara x'Ayn Zara al-'Ayn Zara ('Ayn Zara) 'Ayn  Zara",
            "Tripoli International Airport, tripoli  International, TRIPOLI-International",
            "Al-Watiya al -Watiya al--watiya AL-WATIYA-base",
            "St. Louis, St.Louis, st.  louis, St.",
            "Yanbu` Yanbu`s Yanbu Port- Port-Said port",
            "New York, New  York, new  york",
            "‘Irqah x‘Irqah Zürich ZÜRICH zürich ZüRİCH",
            "A B A  B A-B AB a b",
            "Tripoli",
            "Tripoli ",
            "Al-",
        ] {
            let mut got = found(&ix, text);
            for (_, spellings) in &mut got {
                spellings.sort();
            }
            got.sort();
            assert_eq!(got, naive(&names, text), "in {text:?}");
        }
    }

    #[test]
    fn an_article_written_the_other_way_finds_a_name_whose_key_opens_a_longer_one() {
        // "el arish" is the start of the airport's name, and "Al Arish" the town's.
        let ix = index(&["Al Arish", "El Arish International Airport"]);
        let text = "trucks waited in El Arish on Monday";
        let got: Vec<&str> =
            ix.0.hits(&ix.1, text)
                .iter()
                .map(|h| &text[h.start..h.end])
                .collect();
        assert!(got.contains(&"El Arish"), "{got:?}");
    }

    #[test]
    fn the_other_article_is_looked_up_wherever_the_key_has_it() {
        // The data spells each name one way; the text the other, in the middle of the name, at
        // its start (where another name opens with the text's), after a hyphen, and with a
        // word after the article's word.
        let ix = index(&[
            "Qasr El Wadi",
            "Al Burj Hamra",
            "El Fadl",
            "Tell el-Nour",
            "Sidi Al Bal Kheir",
        ]);
        let text = "from Qasr al Wadi to El Burj Hamra, Tell al-Nour and Sidi El Bal Kheir; \
                    not Qasr Alwadi, Qasr el, Tell Elnour nor Sidi Al Ball Kheir";
        let got: Vec<&str> =
            ix.0.hits(&ix.1, text)
                .iter()
                .map(|h| &text[h.start..h.end])
                .collect();
        assert_eq!(
            got,
            [
                "Qasr al Wadi",
                "El Burj Hamra",
                "Tell al-Nour",
                "Sidi El Bal Kheir"
            ],
            "{got:?}"
        );
        assert!(ends_with_article(b"el") && ends_with_article(b"sidi al"));
        assert!(
            !ends_with_article(b"bal") && !ends_with_article(b"sidi") && !ends_with_article(b"l")
        );
    }

    #[test]
    fn a_capitalised_arabic_article_opens_its_name_in_lower_case_too() {
        let ix = index(&["Al-Bab", "Tripoli"]);
        let text = "troops entered al-Bab and al-bab and tripoli";
        let got: Vec<&str> =
            ix.0.capitalised_hits(&ix.1, text)
                .iter()
                .map(|h| &text[h.start..h.end])
                .collect();
        assert!(got.contains(&"al-Bab"), "{got:?}");
        assert!(capitalised_arabic_article("El-Fasher"));
        assert!(!capitalised_arabic_article("As-Suwayda"));
        assert!(!capitalised_arabic_article("Al Bab"));
        assert!(!capitalised_arabic_article("Alma-Ata"));
    }

    #[test]
    fn a_hits_places_are_its_targets_places_in_order() {
        let ix = index(&["Springfield", "springfield", "Lowell"]);
        let hits = ix.0.hits(&ix.1, "From Springfield to Lowell.");
        assert_eq!(hits.len(), 2);
        for h in &hits {
            let places: Vec<PlaceIdx> = h.places().collect();
            let of_targets: Vec<PlaceIdx> = h.targets().map(|(r, _)| r.idx()).collect();
            assert_eq!(places, of_targets);
        }
        assert_eq!(hits[0].places().count(), 2);
    }

    #[test]
    fn capitalised_hits_are_the_hits_a_name_as_written_may_be() {
        let names = [
            "Tripoli",
            "al-Watiya",
            "de la Paz",
            "Reading",
            "reading room",
            "Man",
            "St. Louis",
            "‘Irqah",
        ];
        let ix = index(&names);
        let text = "tripoli Tripoli al-watiya Al-Watiya de la paz DE LA PAZ reading Reading \
                    man Man st. louis ‘Irqah 12 Tripoli";
        let mut want: Vec<(usize, usize)> =
            ix.0.hits(&ix.1, text)
                .into_iter()
                .filter(|h| {
                    !text[h.start..].starts_with(char::is_lowercase)
                        || h.targets()
                            .any(|(_, sp)| sp.starts_with(char::is_lowercase))
                })
                .map(|h| (h.start, h.end))
                .collect();
        let mut got: Vec<(usize, usize)> =
            ix.0.capitalised_hits(&ix.1, text)
                .into_iter()
                .map(|h| (h.start, h.end))
                .collect();
        want.sort_unstable();
        got.sort_unstable();
        // Every wanted hit is found; a lower-case word whose hash bit is shared may add more.
        assert!(
            want.iter().all(|w| got.contains(w)),
            "{got:?} lacks some of {want:?}"
        );
        let surfaces: Vec<&str> = got.iter().map(|&(s, e)| &text[s..e]).collect();
        for skipped in ["tripoli", "man", "st. louis"] {
            assert!(!surfaces.contains(&skipped), "{surfaces:?}");
        }
        for kept in [
            "al-watiya",
            "de la paz",
            "reading",
            "Tripoli",
            "DE LA PAZ",
            "‘Irqah",
        ] {
            assert!(surfaces.contains(&kept), "{kept} in {surfaces:?}");
        }
    }

    #[test]
    fn the_alphanumerics_of_a_load_are_those_byte_by_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = [b' '; 8];
                chunk[at] = b;
                let marks = ascii_alphanumerics(u64::from_le_bytes(chunk));
                let expected = if b.is_ascii_alphanumeric() {
                    0x80u64 << (8 * at)
                } else {
                    0
                };
                assert_eq!(marks, expected, "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn a_load_lower_cased_is_its_bytes_lower_cased() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = [b'Q'; 8];
                chunk[at] = b;
                let mut expected = chunk;
                expected.make_ascii_lowercase();
                assert_eq!(
                    ascii_lower_chunk(u64::from_le_bytes(chunk)),
                    u64::from_le_bytes(expected),
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn a_stored_key_matches_a_lower_cased_key_as_eq_ignore_ascii_case_says() {
        let stored = [
            "Tripoli",
            "TRIPOLI INTERNATIONAL",
            "São Paulo",
            "St. Croix County",
            "",
            "x",
            "@[`{",
        ];
        for a in stored {
            for b in stored {
                let lower = b.to_ascii_lowercase();
                assert_eq!(
                    lower_eq(a.as_bytes(), lower.as_bytes()),
                    a.eq_ignore_ascii_case(&lower),
                    "{a:?} {lower:?}"
                );
            }
        }
    }

    #[test]
    fn keys_of_every_length_match_only_where_every_byte_does() {
        // The chunks, the overlapping last chunk and the two halves of a short key: a difference
        // at any byte of any length is seen.
        let text = "Abc-DEFghij KLMnop.qrsTUVw";
        for len in 0..=text.len() {
            let stored = &text.as_bytes()[..len];
            let lower = stored.to_ascii_lowercase();
            assert!(lower_eq(stored, &lower), "{len}");
            for at in 0..len {
                let mut other = lower.clone();
                other[at] ^= 0x01;
                assert_eq!(
                    lower_eq(stored, &other),
                    stored.eq_ignore_ascii_case(&other),
                    "{len} {at}"
                );
            }
        }
    }

    #[test]
    fn tokens_are_runs_of_alphanumeric_characters_or_single_others() {
        // By characters, as the tokens are defined: what the byte-table fast path must give.
        fn naive(text: &str, pos: usize) -> (bool, usize) {
            let mut chars = text[pos..].char_indices();
            let Some((_, c)) = chars.next() else {
                return (false, pos + 1);
            };
            if !c.is_alphanumeric() {
                return (false, pos + c.len_utf8());
            }
            let end = chars
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(text.len(), |(i, _)| pos + i);
            (true, end)
        }
        let texts = [
            "U.S. officials in São Paulo, Kahramanmaraş and Ṭarābulus said",
            "O'Toole’s well-known 4th-quarter NATO-led BAIKONUR, Kazakhstan —",
            "Zürich2019 naïve x\u{2013}y 東京 Al-Qāmishlī 10:35 a.m. end",
            "a",
            "é",
            // Runs across the eight-byte loads, ending in ASCII, in non-ASCII, at the end.
            "Abcdefgh Abcdefghi Abcdefghijklmnopq 1234567890123456789 Zürichseeufer Grossmünster",
            "Kahramanmaraşxyz Abcdefgh\u{2014}Abcdefghijklmnop\u{e9}x Abcdefghijklmnopqrstuvw",
        ];
        for text in texts {
            for pos in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
                assert_eq!(token_at(text, pos), naive(text, pos), "{text:?} at {pos}");
            }
        }
    }

    #[test]
    fn abbreviations_are_short_capitals_or_end_in_a_dot() {
        for s in [
            "U.S.", "Ky.", "W.Va.", "NSW", "KY", "DRC", "Calif.", "ÉU", "Wash.",
        ] {
            assert!(is_abbreviation(s), "{s}");
        }
        for s in [
            "Tripoli",
            "New York",
            "Ky",
            "NEW YORK",
            "A",
            "Massachusetts.",
            "Émile",
            "USAID",
        ] {
            assert!(!is_abbreviation(s), "{s}");
        }
    }

    #[test]
    fn the_ascii_abbreviation_test_agrees_with_the_one_by_characters() {
        for s in [
            "",
            ".",
            "U.S.",
            "u.s.",
            "Ky.",
            "Ky",
            "KY",
            "K",
            "NSW",
            "NSWX",
            "NSWXY",
            "N S",
            "W.Va.",
            "St.",
            "Mt. Hood",
            "Massachusetts.",
            "Calif.",
            "CALIF.",
            "Springfield",
            "S2",
            "X-1",
            "DRC.",
            "A.B.C.D.E.F.G.",
            "aB.",
            "New York",
            "USAID",
            "D-",
            "1990s",
        ] {
            assert!(s.is_ascii());
            assert_eq!(
                is_ascii_abbreviation(s.as_bytes()),
                Some(is_abbreviation_by_chars(s)),
                "{s:?}"
            );
        }
        // A non-ASCII spelling: decided by characters unless a lower-case ASCII letter of an
        // undotted spelling settles it first.
        for s in ["Zürich", "ZÜR", "ÉU.", "Öl", "São Paulo", "Ångström.", "AÉ"] {
            assert_eq!(is_abbreviation(s), is_abbreviation_by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric() && !c.is_alphabetic(), "{c:?}");
        }
        for c in [
            'a', 'É', 'ß', '東', '٣', '\u{2070}', '\u{2071}', '’', '—', '1', ' ',
        ] {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let ix = NameIndexBuilder::default().finish("");
        assert!(ix.hits("", "Tripoli").is_empty());
        assert_eq!(ix.len(), 0);
    }

    #[test]
    fn roles_round_trip_through_their_packed_form() {
        for role in [
            NameRole::Place(PlaceIdx(0)),
            NameRole::Demonym(PlaceIdx(7)),
            NameRole::Weak(PlaceIdx(ROLE_PLACE_MASK)),
        ] {
            assert_eq!(unpack_role(pack_role(role)), role);
        }
    }

    #[test]
    fn spellings_that_differ_in_case_share_a_key_and_repeats_are_dropped() {
        let ix = index(&["Tripoli", "TRIPOLI", "Tripoli"]);
        let got = found(&ix, "tripoli");
        // The third name is another place, so it is no repeat of the first.
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, ["Tripoli", "TRIPOLI", "Tripoli"]);
        assert_eq!(ix.0.len(), 1);
        let mut arena = String::from("Sabha");
        let mut b = NameIndexBuilder::default();
        b.add(&arena, 0, 5, NameRole::Place(PlaceIdx(0)));
        arena.push_str("Sabha");
        b.add(&arena, 5, 5, NameRole::Place(PlaceIdx(0)));
        let ix = b.finish(&arena);
        let hits = ix.hits(&arena, "Sabha");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            hits[0].targets().count(),
            1,
            "the same role and spelling twice is one target"
        );
    }

    /// The spellings the key `key` (lower-cased) stands for, if it is a key.
    fn lookup(ix: &(NameIndex, String), key: &str) -> Option<Vec<String>> {
        let (ix, arena) = ix;
        ix.find(arena.as_bytes(), key.as_bytes()).map(|s| {
            let from = s.targets_start as usize;
            ix.targets[from..from + s.targets_len as usize]
                .iter()
                .map(|t| spelling_of(arena, t).to_owned())
                .collect()
        })
    }

    #[test]
    fn every_key_is_found_and_keys_that_are_absent_are_not() {
        let names: Vec<String> = (0..5000).map(|i| format!("Place {i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let ix = index(&refs);
        for name in &names {
            let key = name.to_lowercase();
            assert_eq!(lookup(&ix, &key), Some(vec![name.clone()]), "{key}");
        }
        // Prefixes of names are keys with no targets.
        assert_eq!(lookup(&ix, "place"), Some(vec![]));
        assert_eq!(lookup(&ix, "place "), Some(vec![]));
        for i in 5000..20000 {
            assert_eq!(lookup(&ix, &format!("place {i}")), None);
        }
        for absent in ["", "p", "plac", "place 5000 ", "elsewhere"] {
            assert_eq!(lookup(&ix, absent), None, "{absent:?}");
        }
        let mut keys = ix.0.keys(&ix.1);
        keys.sort();
        assert_eq!(keys.len(), 5000);
        assert_eq!(ix.0.len(), 5000);
        assert!(ix.0.slots.len() > 5000, "free entries too");
    }

    #[test]
    fn keys_whose_control_byte_and_shape_agree_are_told_apart_by_their_bytes() {
        // Two keys of one length whose control bytes and tags agree: found among a few
        // thousand (the two together take 28 bits of the hash).
        let state = State::default();
        let mut seen = std::collections::HashMap::new();
        let pair = (0..200_000).map(|i| format!("k{i:07}")).find_map(|key| {
            let hash = hash_key(&state, key.as_bytes());
            let sign = (control_of(hash), shape_of(key.len(), hash));
            seen.insert(sign, key.clone()).map(|other| (other, key))
        });
        let (a, b) = pair.expect("a pair of keys that agree in 28 bits of their hash");
        let only_a = index(&[&a]);
        assert_eq!(lookup(&only_a, &a), Some(vec![a.clone()]));
        assert_eq!(lookup(&only_a, &b), None);
        let both = index(&[&a, &b]);
        assert_eq!(lookup(&both, &a), Some(vec![a.clone()]));
        assert_eq!(lookup(&both, &b), Some(vec![b.clone()]));
    }

    #[test]
    fn a_key_too_long_for_a_tag_is_found_by_its_bytes() {
        let long = format!("Long {}", "y".repeat(2000));
        let ix = index(&[&long, "Short"]);
        let text = format!("From {} to Short.", long.to_uppercase());
        let got = found(&ix, &text);
        assert_eq!(got.len(), 2);
        assert!(
            got.iter()
                .any(|(s, t)| s.len() == long.len() && t[0] == long)
        );
        assert_eq!(lookup(&ix, &long.to_lowercase()), Some(vec![long.clone()]));
        assert_eq!(lookup(&ix, &"long ".repeat(500)), None);
    }

    /// `ix` written and read back.
    fn round_trip(ix: &NameIndex) -> Decoded<NameIndex> {
        let mut w = Writer::default();
        ix.encode(&mut w);
        NameIndex::decode(&mut Reader::new(&w.buf))
    }

    #[test]
    fn an_index_read_back_finds_what_it_found() {
        let (ix, arena) = index(&["Tripoli", "Tripoli International", "Viña del Mar"]);
        let back = (round_trip(&ix).expect("read back"), arena);
        let text = "From TRIPOLI INTERNATIONAL to viña del mar.";
        assert_eq!(found(&back, text), found(&(ix, back.1.clone()), text));
        assert_eq!(found(&back, text).len(), 3);
    }

    #[test]
    fn a_damaged_index_is_refused_not_read_or_looped_over() {
        let (ix, _) = index(&["Tripoli", "Benghazi", "Sabha", "Misrata"]);
        let mut w = Writer::default();
        ix.encode(&mut w);
        let good = w.buf;
        // The bytes of the entries start after their count; each entry is 16 bytes, and
        // its control byte comes after all entries, the targets and the control count.
        let entries = ix.slots.len();
        let targets = ix.targets.len();
        let control_at = 8 + entries * 16 + 8 + targets * 12 + 8;
        let read = |bytes: &[u8]| NameIndex::decode(&mut Reader::new(bytes)).map(|_| ());
        assert_eq!(read(&good), Ok(()));

        // Every entry taken: the last one's control byte and entry made those of a key.
        let mut full = good.clone();
        let last = entries - 1;
        full[control_at + last] = 7;
        full[8 + last * 16 + 4] = 3;
        assert!(read(&full).is_err());

        // A free entry's control byte set, or a key's cleared.
        let free = ix.slots.iter().position(Slot::is_free).unwrap_or(0);
        let mut bad = good.clone();
        bad[control_at + free] = 9;
        assert!(read(&bad).is_err());
        let taken = ix.slots.iter().position(|s| !s.is_free()).unwrap_or(0);
        let mut bad = good.clone();
        bad[control_at + taken] = 0;
        assert!(read(&bad).is_err());

        // More homes than entries.
        let homes_at = control_at + entries + GROUP;
        let mut bad = good.clone();
        bad[homes_at..homes_at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(read(&bad).is_err());

        // A huge count of entries, a key's targets past the list, a file cut short.
        let mut bad = good.clone();
        bad[..8].copy_from_slice(&(u64::MAX / 2).to_le_bytes());
        assert!(read(&bad).is_err());
        let mut bad = good.clone();
        let at = 8 + taken * 16 + 12;
        bad[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(read(&bad).is_err());
        for cut in [0, 8, control_at, good.len() - 1] {
            assert!(read(&good[..cut]).is_err(), "cut at {cut}");
        }
    }
}
