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
//! - Keys are ASCII-lower-cased (the text is lower-cased once per call, byte offsets unchanged),
//!   so this finds exactly what an overlapping ASCII-case-insensitive Aho-Corasick automaton over
//!   the same names finds at word boundaries, which is what the matcher used before; it builds in
//!   a fraction of the time and memory.
//! - Memory is a few flat arrays: keys and spellings in two arena strings, fixed-size slots, and
//!   a table of `u32` slot numbers (hashbrown's `HashTable`, foldhash with a fixed seed). No
//!   allocation per name.

use std::hash::{BuildHasher as _, Hasher as _};

use hashbrown::HashTable;

use super::NameRole;

/// One spelling of a name and what it stands for. Several targets share a key when spellings
/// differ only in ASCII case, or when places share a name ("Tripoli").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameTarget {
    pub role: NameRole,
    /// Byte range of the spelling in [`NameIndex::spellings`].
    spelling_start: u32,
    spelling_len: u32,
}

/// One key in the table: a name (with targets), a prefix of longer names, or both.
#[derive(Clone, Copy, Debug)]
struct Slot {
    key_start: u32,
    key_len: u32,
    targets_start: u32,
    /// 0 when the key is only a prefix of longer names.
    targets_len: u32,
    /// Some longer name starts with this key followed by a token boundary.
    is_prefix: bool,
}

/// A raw occurrence of a key: `text[start..end]` is ASCII-case-insensitively equal to the
/// spellings of `targets`, and sits at word boundaries.
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
            .map(move |t| (t.role, spelling_of(spellings, t)))
    }
}

/// An abbreviation or postal form: "U.S.", "Ky.", "W.Va.", "NSW", "KY". Such spellings match
/// only with their exact case.
pub fn is_abbreviation(spelling: &str) -> bool {
    let letters = spelling.chars().filter(|c| c.is_alphabetic()).count();
    let upper = spelling
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    (upper && (2..=4).contains(&letters) && !spelling.contains(' '))
        || (spelling.ends_with('.') && letters <= 6)
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

fn offset(n: usize) -> u32 {
    // The arenas of a gazetteer stay far below 4 GB; saturate rather than panic.
    u32::try_from(n).unwrap_or(u32::MAX)
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

/// The token starting at `pos`: whether it is a run of alphanumerics, and where it ends.
fn token_at(text: &str, pos: usize) -> (bool, usize) {
    let (c, width) = char_at(text, pos);
    if !c.is_alphanumeric() {
        return (false, pos + width);
    }
    let bytes = text.as_bytes();
    let mut end = pos + width;
    while let Some(&b) = bytes.get(end) {
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            end += 1;
        } else {
            let (c, width) = char_at(text, end);
            if !c.is_alphanumeric() {
                break;
            }
            end += width;
        }
    }
    (true, end)
}

fn is_alphanumeric_at(text: &str, pos: usize) -> bool {
    pos < text.len() && char_at(text, pos).0.is_alphanumeric()
}

/// Every name of the gazetteer, ready to be found in text.
pub struct NameIndex {
    /// Keys (ASCII-lower-cased names), back to back; prefixes point into the full keys.
    keys: String,
    /// Spellings as written in the data files, back to back.
    spellings: String,
    slots: Vec<Slot>,
    targets: Vec<NameTarget>,
    /// Slot numbers, hashed by key.
    table: HashTable<u32>,
    state: State,
    /// Non-alphanumeric characters that some names start with ("‘Irqah"), sorted.
    first_symbols: Vec<char>,
    /// Longest key in bytes.
    max_key_len: usize,
    /// Number of keys with targets.
    names: usize,
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
    /// Number of distinct keys (names up to ASCII case).
    pub fn len(&self) -> usize {
        self.names
    }

    pub fn is_empty(&self) -> bool {
        self.names == 0
    }

    /// Every key that names something (not the prefix-only keys), for tests.
    #[cfg(test)]
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.slots[..self.names].iter().map(|slot| {
            let start = slot.key_start as usize;
            &self.keys[start..start + slot.key_len as usize]
        })
    }

    fn key_of(&self, slot: &Slot) -> &[u8] {
        let start = slot.key_start as usize;
        &self.keys.as_bytes()[start..start + slot.key_len as usize]
    }

    fn find(&self, key: &[u8]) -> Option<&Slot> {
        let hash = hash_key(&self.state, key);
        self.table
            .find(hash, |&i| self.key_of(&self.slots[i as usize]) == key)
            .map(|&i| &self.slots[i as usize])
    }

    /// Every occurrence in `text` of every key at word boundaries (no alphanumeric character
    /// right before or right after), overlapping, in no particular order.
    pub fn hits<'g>(&'g self, text: &str) -> Vec<NameHit<'g>> {
        let mut out = Vec::new();
        if self.names == 0 {
            return out;
        }
        let lower = text.to_ascii_lowercase();
        let mut pos = 0;
        let mut after_alphanumeric = false;
        while pos < text.len() {
            let (alphanumeric, end) = token_at(text, pos);
            let may_start = !after_alphanumeric
                && (alphanumeric
                    || self
                        .first_symbols
                        .binary_search(&char_at(text, pos).0)
                        .is_ok());
            if may_start {
                self.hits_from(text, &lower, pos, end, &mut out);
            }
            after_alphanumeric = alphanumeric;
            pos = end;
        }
        out
    }

    /// The keys starting at `start`, growing token by token from the first token's `end`.
    fn hits_from<'g>(
        &'g self,
        text: &str,
        lower: &str,
        start: usize,
        mut end: usize,
        out: &mut Vec<NameHit<'g>>,
    ) {
        let bytes = lower.as_bytes();
        while end - start <= self.max_key_len {
            let Some(slot) = self.find(&bytes[start..end]) else {
                return;
            };
            if slot.targets_len > 0 && !is_alphanumeric_at(text, end) {
                let from = slot.targets_start as usize;
                out.push(NameHit {
                    start,
                    end,
                    targets: &self.targets[from..from + slot.targets_len as usize],
                    spellings: &self.spellings,
                });
            }
            if !slot.is_prefix || end >= text.len() {
                return;
            }
            end = token_at(text, end).1;
        }
    }
}

/// Collects names, then builds the [`NameIndex`].
#[derive(Default)]
pub struct NameIndexBuilder {
    keys: String,
    spellings: String,
    slots: Vec<Slot>,
    table: HashTable<u32>,
    state: State,
    /// (slot, target) in the order added.
    pending: Vec<(u32, NameTarget)>,
}

impl NameIndexBuilder {
    /// A builder with room for about `names` names of `bytes` bytes in all.
    pub fn with_capacity(names: usize, bytes: usize) -> Self {
        Self {
            keys: String::with_capacity(bytes),
            spellings: String::with_capacity(bytes),
            // Prefixes of multi-word names take slots too.
            slots: Vec::with_capacity(names + names / 4),
            table: HashTable::with_capacity(names + names / 4),
            state: State::default(),
            pending: Vec::with_capacity(names),
        }
    }

    /// The slot of `keys[start..start + len]`, created if new; `created` says which.
    fn slot_for(&mut self, start: usize, len: usize) -> (u32, bool) {
        let Self {
            keys,
            slots,
            table,
            state,
            ..
        } = self;
        let key = &keys.as_bytes()[start..start + len];
        let hash = hash_key(state, key);
        let key_of = |s: &Slot| {
            let from = s.key_start as usize;
            &keys.as_bytes()[from..from + s.key_len as usize]
        };
        if let Some(&i) = table.find(hash, |&i| key_of(&slots[i as usize]) == key) {
            return (i, false);
        }
        let i = offset(slots.len());
        slots.push(Slot {
            key_start: offset(start),
            key_len: offset(len),
            targets_start: 0,
            targets_len: 0,
            is_prefix: false,
        });
        table.insert_unique(hash, i, |&j| hash_key(state, key_of(&slots[j as usize])));
        (i, true)
    }

    /// Adds `spelling` (found ASCII-case-insensitively) standing for `role`.
    pub fn add(&mut self, spelling: &str, role: NameRole) {
        if spelling.is_empty() {
            return;
        }
        let start = self.keys.len();
        self.keys.push_str(spelling);
        self.keys[start..].make_ascii_lowercase();
        let (slot, created) = self.slot_for(start, spelling.len());
        if !created {
            self.keys.truncate(start);
        }
        let spelling_start = offset(self.spellings.len());
        self.spellings.push_str(spelling);
        self.pending.push((
            slot,
            NameTarget {
                role,
                spelling_start,
                spelling_len: offset(spelling.len()),
            },
        ));
    }

    pub fn finish(mut self) -> NameIndex {
        // Group the targets by slot, keeping the order they were added in, without repeats.
        let mut pending = std::mem::take(&mut self.pending);
        pending.sort_by_key(|&(slot, _)| slot);
        let mut targets: Vec<NameTarget> = Vec::with_capacity(pending.len());
        let mut group = 0;
        while group < pending.len() {
            let slot = pending[group].0;
            let first = targets.len();
            let mut next = group;
            while next < pending.len() && pending[next].0 == slot {
                let t = pending[next].1;
                let repeat = targets[first..].iter().any(|u| {
                    u.role == t.role
                        && spelling_of(&self.spellings, u) == spelling_of(&self.spellings, &t)
                });
                if !repeat {
                    targets.push(t);
                }
                next += 1;
            }
            let s = &mut self.slots[slot as usize];
            s.targets_start = offset(first);
            s.targets_len = offset(targets.len() - first);
            group = next;
        }
        drop(pending);
        // Drop the spellings of repeats: rewrite the arena in target order.
        let mut spellings = String::with_capacity(self.spellings.len());
        for t in &mut targets {
            let s = spelling_of(&self.spellings, t);
            t.spelling_start = offset(spellings.len());
            spellings.push_str(s);
        }

        // Every prefix of a name that ends at a token boundary, so lookups can stop early.
        let names = self.slots.len();
        let mut first_symbols = Vec::new();
        let mut max_key_len = 0;
        for i in 0..names {
            let Slot {
                key_start, key_len, ..
            } = self.slots[i];
            let (start, len) = (key_start as usize, key_len as usize);
            max_key_len = max_key_len.max(len);
            let key = &self.keys[start..start + len];
            let (first, _) = char_at(key, 0);
            if !first.is_alphanumeric() {
                first_symbols.push(first);
            }
            let mut bounds = Vec::new();
            let mut pos = 0;
            while pos < len {
                pos = token_at(key, pos).1;
                if pos < len {
                    bounds.push(pos);
                }
            }
            for k in bounds {
                let (slot, _) = self.slot_for(start, k);
                self.slots[slot as usize].is_prefix = true;
            }
        }
        first_symbols.sort_unstable();
        first_symbols.dedup();
        self.keys.shrink_to_fit();
        spellings.shrink_to_fit();
        self.slots.shrink_to_fit();
        targets.shrink_to_fit();
        let state = self.state;
        let slots = &self.slots;
        let keys = &self.keys;
        self.table.shrink_to(0, |&j| {
            let s = &slots[j as usize];
            let from = s.key_start as usize;
            hash_key(&state, &keys.as_bytes()[from..from + s.key_len as usize])
        });
        NameIndex {
            keys: self.keys,
            spellings,
            slots: self.slots,
            targets,
            table: self.table,
            state,
            first_symbols,
            max_key_len,
            names,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::PlaceIdx;

    fn index(names: &[&str]) -> NameIndex {
        let mut b = NameIndexBuilder::default();
        for (i, n) in names.iter().enumerate() {
            b.add(n, NameRole::Place(PlaceIdx(i as u32)));
        }
        b.finish()
    }

    fn found(ix: &NameIndex, text: &str) -> Vec<(String, Vec<String>)> {
        let mut hits: Vec<(String, Vec<String>)> = ix
            .hits(text)
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
    fn non_ascii_letters_must_match_exactly() {
        let ix = index(&["Şanlıurfa"]);
        assert!(found(&ix, "ŞANLIURFA").is_empty());
        assert_eq!(found(&ix, "şanlıurfa").len(), 0);
        assert_eq!(found(&ix, "ŞanlIurfa").len(), 0);
        assert_eq!(found(&ix, "Şanlıurfa, Turkey").len(), 1);
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let ix = NameIndexBuilder::default().finish();
        assert!(ix.hits("Tripoli").is_empty());
        assert_eq!(ix.len(), 0);
    }
}
