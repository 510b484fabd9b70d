//! Prefix search over every name and alias, for the search box (built on first use).

use super::*;

/// Every name and alias of every place, lower-cased, in one string, sorted.
pub(super) struct SortedNames {
    pub(super) text: String,
    /// (start, len) of a name in `text`, and its place; sorted by name, then place.
    pub(super) names: Vec<(u32, u32, PlaceIdx)>,
}

impl SortedNames {
    pub(super) fn of(places: Places<'_>) -> SortedNames {
        let mut text = String::new();
        let mut names = Vec::new();
        for (i, place) in places.iter().enumerate() {
            let idx = PlaceIdx(u32::try_from(i).unwrap_or(u32::MAX));
            for name in std::iter::once(place.name).chain(place.aliases) {
                let start = text.len();
                text.push_str(&name.to_lowercase());
                let len = text.len() - start;
                names.push((
                    u32::try_from(start).unwrap_or(u32::MAX),
                    u32::try_from(len).unwrap_or(u32::MAX),
                    idx,
                ));
            }
        }
        let name_of = |&(start, len, _): &(u32, u32, PlaceIdx)| {
            text.get(start as usize..(start + len) as usize)
                .unwrap_or("")
        };
        names.sort_unstable_by(|a, b| name_of(a).cmp(name_of(b)).then(a.2.cmp(&b.2)));
        names.dedup_by(|a, b| a.2 == b.2 && name_of(a) == name_of(b));
        names.shrink_to_fit();
        SortedNames { text, names }
    }

    pub(super) fn name(&self, at: usize) -> &str {
        let (start, len, _) = self.names[at];
        self.text
            .get(start as usize..(start + len) as usize)
            .unwrap_or("")
    }

    /// The places with a name starting with `prefix` (lower-cased), in name order.
    pub(super) fn starting_with(&self, prefix: &str) -> Vec<PlaceIdx> {
        let from = self.names.partition_point(|&(start, len, _)| {
            self.text
                .get(start as usize..(start + len) as usize)
                .unwrap_or("")
                < prefix
        });
        (from..self.names.len())
            .take_while(|&at| self.name(at).starts_with(prefix))
            .map(|at| self.names[at].2)
            .collect()
    }
}
