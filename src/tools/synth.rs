//! Synthetic corpora for benchmarks: deterministic (a fixed-seed `SplitMix64`), shaped like the
//! seeds, and scalable from a few articles to a million events.
//!
//! Two products:
//! - [`articles`]: article *texts* built from sentence patterns taken from the seeds, with place
//!   names drawn from a gazetteer and date expressions over 2019-2020, for extraction throughput
//!   on realistic text;
//! - [`events`]: extraction *results* (events, mentions, sentences) made directly, without
//!   running extraction, so that a million events take well under a second to make; for the
//!   index, scrub and memory benchmarks.
//!
//! Same seed, same output, on every platform: nothing here reads the clock or hashes with a
//! random state.

use std::path::PathBuf;

use chrono::{Datelike, Days, NaiveDate};

use crate::coord::LatLon;
use crate::corpus::{Article, DateBasis};
use crate::extract::dates::{DateMention, Granularity, Interval};
use crate::extract::places::PlaceMention;
use crate::extract::{ArticleExtraction, ArticleIdx, Event, TextSpan, WhenBasis};
use crate::gazetteer::{Place, PlaceIdx, PlaceKind, PlaceSource, Places};

/// The seed every benchmark uses, so figures are comparable between runs.
pub const DEFAULT_SEED: u64 = 0x6e65_7773_6174_6c73; // "newsatls"

/// The sizes the budgets are measured at: 10k, 100k and 1M events.
pub const EVENT_SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// `SplitMix64` (Steele, Lea, Flood 2014): tiny, fast, and good enough for test data.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift (Lemire), without modulo bias worth noting.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A skewed index in `0..n`: small indices are much more likely (about Zipf with s = 1),
    /// as a few places (Tripoli, Libya) dominate real news.
    pub fn skewed(&mut self, n: usize) -> usize {
        // n^u - 1 for u uniform in [0, 1) has density ~ 1/(x+1) on [0, n - 1].
        let x = (n as f64).powf(self.unit()) - 1.0;
        (x as usize).min(n - 1)
    }
}

/// Publication dates are spread over these two years.
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or(NaiveDate::MIN)
}

pub fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// A publication day in 2019-2020, denser during the Tripoli offensive (April 2019 - June 2020).
fn publication_day(rng: &mut SplitMix64) -> NaiveDate {
    let (start, days) = if rng.chance(0.7) {
        // 2019-04-04 .. 2020-06-05
        (
            NaiveDate::from_ymd_opt(2019, 4, 4).unwrap_or(NaiveDate::MIN),
            428,
        )
    } else {
        (first_day(), 731)
    };
    start + Days::new(rng.below(days) as u64)
}

/// What synthetic data needs of a list of places: a gazetteer's [`Places`] or owned [`Place`]s
/// (`&places` of a `Vec<Place>`).
pub trait PlaceList {
    /// Number of places.
    fn count(&self) -> usize;
    /// Name, position and layer of place `i`, if there is one.
    fn name_at(&self, i: usize) -> Option<&str>;
    fn coord_at(&self, i: usize) -> Option<LatLon>;
    fn source_at(&self, i: usize) -> Option<PlaceSource>;
}

impl PlaceList for [Place] {
    fn count(&self) -> usize {
        self.len()
    }
    fn name_at(&self, i: usize) -> Option<&str> {
        self.get(i).map(|p| p.name.as_str())
    }
    fn coord_at(&self, i: usize) -> Option<LatLon> {
        self.get(i).map(|p| p.coord)
    }
    fn source_at(&self, i: usize) -> Option<PlaceSource> {
        self.get(i).map(|p| p.source)
    }
}

impl PlaceList for Vec<Place> {
    fn count(&self) -> usize {
        self.len()
    }
    fn name_at(&self, i: usize) -> Option<&str> {
        self.as_slice().name_at(i)
    }
    fn coord_at(&self, i: usize) -> Option<LatLon> {
        self.as_slice().coord_at(i)
    }
    fn source_at(&self, i: usize) -> Option<PlaceSource> {
        self.as_slice().source_at(i)
    }
}

impl PlaceList for Places<'_> {
    fn count(&self) -> usize {
        self.len()
    }
    fn name_at(&self, i: usize) -> Option<&str> {
        self.get(i).map(|p| p.name)
    }
    fn coord_at(&self, i: usize) -> Option<LatLon> {
        self.get(i).map(|p| p.coord)
    }
    fn source_at(&self, i: usize) -> Option<PlaceSource> {
        self.get(i).map(|p| p.source)
    }
}

impl<T: PlaceList + ?Sized> PlaceList for &T {
    fn count(&self) -> usize {
        (**self).count()
    }
    fn name_at(&self, i: usize) -> Option<&str> {
        (**self).name_at(i)
    }
    fn coord_at(&self, i: usize) -> Option<LatLon> {
        (**self).coord_at(i)
    }
    fn source_at(&self, i: usize) -> Option<PlaceSource> {
        (**self).source_at(i)
    }
}

/// Places to draw from, hot ones first: the curated (and user) places, then the broad layer.
/// Only places with a valid coordinate and a name of at least three bytes are kept.
#[derive(Clone, Debug)]
pub struct PlacePool<P> {
    /// Curated and user places, in gazetteer order.
    hot: Vec<PlaceIdx>,
    /// Broad-layer places.
    broad: Vec<PlaceIdx>,
    places: P,
}

impl<P: PlaceList> PlacePool<P> {
    pub fn new(places: P) -> PlacePool<P> {
        let mut hot = Vec::new();
        let mut broad = Vec::new();
        for i in 0..places.count() {
            let (Some(name), Some(coord), Some(source)) =
                (places.name_at(i), places.coord_at(i), places.source_at(i))
            else {
                continue;
            };
            if !coord.is_valid() || name.len() < 3 {
                continue;
            }
            let idx = PlaceIdx(i as u32);
            match source {
                PlaceSource::Broad => broad.push(idx),
                PlaceSource::Curated | PlaceSource::User => hot.push(idx),
            }
        }
        if hot.is_empty() {
            // A gazetteer without curated places: let the first few broad ones be the hot set.
            let n = broad.len().min(150);
            hot = broad.drain(..n).collect();
        }
        PlacePool { hot, broad, places }
    }

    pub fn len(&self) -> usize {
        self.hot.len() + self.broad.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// 85% from the hot set (skewed, so a few places dominate), 15% uniformly from the broad layer.
    pub fn draw(&self, rng: &mut SplitMix64) -> PlaceIdx {
        if self.broad.is_empty() || (!self.hot.is_empty() && rng.chance(0.85)) {
            self.hot[rng.skewed(self.hot.len())]
        } else {
            *rng.pick(&self.broad)
        }
    }

    pub fn name(&self, idx: PlaceIdx) -> &str {
        self.places.name_at(idx.0 as usize).unwrap_or("")
    }
}

/// Sentence patterns adapted from the seeds. `{P}` is a place name, `{D}` a date expression.
const PATTERNS: &[&str] = &[
    "Tensions mounted in {P} {D} after Field Marshal Khalifa Haftar launched an offensive to retake the capital, {P}, from forces loyal to the UN-backed government.",
    "The Libyan National Army (LNA) has already captured several areas en route to {P}, including the airport near {P}.",
    "Forces loyal to the GNA announced a counter-offensive near {P} {D} to repel the LNA.",
    "Meanwhile, the number of displaced people who fled the clashes in {P} reached 3,400, the UN Humanitarian Affairs Coordination Office (OCHA) said {D}.",
    "{D}, the head of the LNA's General Commander's Office said that the government in {P} was eager to expand defense cooperation.",
    "The conversation between the two leaders was \u{201c}intensive,\u{201d} Italian news agency ANSA reported {D}.",
    "Italy opened an embassy in {P} in 2017, and has a 300-member military task force stationed there.",
    "The other big European player in the troubled North African country is France, which has oil assets in {P} where Haftar has his stronghold.",
    "More than 280 civilians and about 2,000 fighters have been killed and 146,000 Libyans displaced since Haftar launched his assault to seize {P}, according to the United Nations.",
    "Thousands more remain trapped by ongoing fighting in their neighborhoods near {P}, and the numbers are growing daily, OCHA said in its latest report.",
    "Russia and Turkey announced {D} that they would continue efforts to end hostilities in {P} despite the peace talks in {P} ending without a ceasefire deal.",
    "Drones struck a convoy on the coastal road between {P} and {P} {D}, a military spokesman said.",
    "\u{201c}There can be no military solution to the crisis,\u{201d} the minister said in {P} {D}.",
    "The latest escalation of violence, which has displaced more than 27,000 people in the past two weeks, spread to {P}.",
    "Heavy shelling was reported in the southern suburbs of {P}, residents told reporters by telephone.",
    "The National Oil Corporation (NOC) said production at the field near {P} had been halted {D}.",
    "Delegations met in {P} {D} and agreed to hold a further round of talks.",
    "An estimated 500,000 children are being affected by violence across western Libya, according to UNICEF.",
];

/// A date expression the temporal tagger resolves, relative to publication.
fn date_expression(rng: &mut SplitMix64, published: NaiveDate) -> String {
    const WEEKDAYS: [&str; 7] = crate::extract::dates::WEEKDAY_NAMES;
    let back = published - Days::new(rng.below(20) as u64);
    let month = crate::extract::dates::MONTH_NAMES[back.month0() as usize];
    match rng.below(8) {
        0 | 1 => format!("on {}", rng.pick(&WEEKDAYS)),
        2 => format!("on {month} {}", back.day()),
        3 => format!("on {} {month} {}", back.day(), back.year()),
        4 => format!("in early {month}"),
        5 => "last week".to_owned(),
        6 => format!("on {month} {}, {}", back.day(), back.year()),
        _ => "yesterday".to_owned(),
    }
}

/// Fills one pattern.
fn sentence<P: PlaceList>(
    rng: &mut SplitMix64,
    pool: &PlacePool<P>,
    published: NaiveDate,
    out: &mut String,
) {
    let pattern = *rng.pick(PATTERNS);
    let mut rest = pattern;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let slot = &rest[at..at + 3];
        if slot == "{P}" {
            out.push_str(pool.name(pool.draw(rng)));
        } else {
            let d = date_expression(rng, published);
            // A date at the start of the sentence is capitalised: "On Tuesday, ...".
            if at == 0 && rest.len() == pattern.len() {
                let mut chars = d.chars();
                if let Some(c) = chars.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(&d);
            }
        }
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
}

/// `n` synthetic articles of about `bytes_each` bytes, in paragraphs of two or three sentences,
/// each published on a day of 2019-2020 (header basis). Empty when `places` has no usable place.
pub fn articles(places: impl PlaceList, n: usize, bytes_each: usize, seed: u64) -> Vec<Article> {
    let pool = PlacePool::new(places);
    if pool.is_empty() {
        return Vec::new();
    }
    let mut rng = SplitMix64::new(seed);
    (0..n)
        .map(|i| {
            let published = publication_day(&mut rng);
            let mut body = String::with_capacity(bytes_each + 256);
            let mut in_paragraph = 0;
            while body.len() < bytes_each {
                if in_paragraph > 0 {
                    body.push(' ');
                }
                sentence(&mut rng, &pool, published, &mut body);
                in_paragraph += 1;
                if in_paragraph >= 2 + rng.below(2) {
                    body.push_str("\n\n");
                    in_paragraph = 0;
                }
            }
            Article {
                id: format!("synth_{i:07}"),
                file: PathBuf::from(format!("synth/{i:07}.txt")),
                title: format!("Synthetic article {i}"),
                outlet: None,
                byline: None,
                published: Some(published),
                date_basis: DateBasis::Header,
                body: body.into(),
                body_offset: 0,
                note: None,
                url: None,
            }
        })
        .collect()
}

/// Extraction results made directly, with their articles' publication dates.
pub struct SyntheticEvents {
    pub extractions: Vec<ArticleExtraction>,
    pub published: Vec<Option<NaiveDate>>,
}

impl SyntheticEvents {
    pub fn event_count(&self) -> usize {
        self.extractions.iter().map(|x| x.events.len()).sum()
    }
}

/// Average sentence length in the synthetic bodies the events point into.
const SENTENCE_BYTES: usize = 160;

/// About `n_events` events (exactly `n_events` unless `places` has no usable place), shaped like
/// extraction of the seeds: articles of 8 to 20 events, one event per distinct place per
/// sentence, 55% dated by a date in their sentence (mostly days before publication, some weeks,
/// months and spans), the rest by the publication date; 1% of articles are undated.
pub fn events(places: impl PlaceList, n_events: usize, seed: u64) -> SyntheticEvents {
    let pool = PlacePool::new(places);
    let mut rng = SplitMix64::new(seed ^ 0x5eed_e7e7);
    let mut extractions = Vec::with_capacity(n_events / 12 + 1);
    let mut published = Vec::with_capacity(n_events / 12 + 1);
    let mut left = if pool.is_empty() { 0 } else { n_events };
    while left > 0 {
        let article = ArticleIdx(extractions.len() as u32);
        let pubday = (!rng.chance(0.01)).then(|| publication_day(&mut rng));
        let want = (8 + rng.below(13)).min(left);
        let mut x = ArticleExtraction::default();
        let mut sentence_no = 0usize;
        while x.events.len() < want {
            let start = sentence_no * SENTENCE_BYTES;
            let sentence = start..start + SENTENCE_BYTES - 2;
            sentence_no += 1;
            x.sentences.push(sentence.clone().into());
            // A fifth of the sentences name no place.
            if rng.chance(0.2) {
                continue;
            }
            let date = (rng.chance(0.55))
                .then(|| text_interval(&mut rng, pubday))
                .flatten();
            let date_mention = date.map(|interval| {
                let m = DateMention {
                    start: start + 100,
                    end: start + 112,
                    interval,
                    vague: false,
                };
                x.dates.push(m);
                start + 100..start + 112
            });
            let (when, basis) = match (date, pubday) {
                (Some(i), _) => (Some(i), WhenBasis::Text),
                (None, Some(d)) => (
                    Some(Interval {
                        from: d,
                        to: d,
                        granularity: Granularity::Day,
                    }),
                    WhenBasis::Publication,
                ),
                (None, None) => (None, WhenBasis::Undated),
            };
            let n_places = (1 + rng.below(3) / 2).min(want - x.events.len());
            let first_event = x.events.len();
            for k in 0..n_places {
                let place = pool.draw(&mut rng);
                let mention = start + 10 + 30 * k..start + 20 + 30 * k;
                x.places.push(PlaceMention {
                    start: mention.start,
                    end: mention.end,
                    place,
                    confidence: 1.0,
                    reason: crate::extract::places::Reason::OnlyCandidate,
                });
                if x.events[first_event..].iter().any(|e| e.place == place) {
                    continue;
                }
                x.events.push(Event {
                    article,
                    place,
                    when,
                    basis,
                    sentence: sentence.clone().into(),
                    mention: mention.into(),
                    date_mention: date_mention.clone().map(TextSpan::new),
                });
            }
        }
        left -= x.events.len();
        x.shrink_to_fit();
        extractions.push(x);
        published.push(pubday);
    }
    extractions.shrink_to_fit();
    published.shrink_to_fit();
    SyntheticEvents {
        extractions,
        published,
    }
}

/// Articles for [`events`] results: bodies long enough for every sentence the events point at,
/// cut from `prose` (real text, such as the seeds': each body a window of it from a random
/// place, wrapping around, in ASCII) and packed as the loader packs them, so that their size in memory is
/// a real text's (the offsets do not land on the names; only sizes are realistic). Without
/// prose, one sentence repeated, which packs far smaller than real text would. Used where a
/// whole dataset is needed (the headless frame, memory with texts).
pub fn articles_for(s: &SyntheticEvents, prose: &str) -> Vec<Article> {
    const FILLER: &str = "Forces loyal to the GNA announced a counter-offensive to repel the LNA, \
        a spokesman said, as displaced families fled the clashes south of the capital. ";
    // ASCII only, as the synthetic offsets are any byte (quotes and dashes as their ASCII look).
    let prose: String = if prose.trim().is_empty() {
        FILLER.to_owned()
    } else {
        prose
            .chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                c if c.is_ascii() => c,
                _ => '-',
            })
            .collect()
    };
    let prose = prose.as_str();
    let mut rng = SplitMix64::new(DEFAULT_SEED ^ 0x7465_7874); // "text"
    s.extractions
        .iter()
        .zip(&s.published)
        .enumerate()
        .map(|(i, (x, published))| {
            let len = x.sentences.last().map_or(0, |r| r.end as usize + 2);
            let mut body = window(prose, rng.below(prose.len()), len);
            // No spare capacity, as a loaded body (copied from the file's text) has none.
            body.shrink_to_fit();
            let mut body = crate::corpus::Body::from(body);
            body.pack();
            Article {
                id: format!("synth_{i:07}"),
                file: PathBuf::from(format!("synth/{i:07}.txt")),
                title: format!("Synthetic article {i}"),
                outlet: None,
                byline: None,
                published: *published,
                date_basis: if published.is_some() {
                    DateBasis::Header
                } else {
                    DateBasis::Undated
                },
                body,
                body_offset: 0,
                note: None,
                url: None,
            }
        })
        .collect()
}

/// `len` bytes of `prose` from about `from` on (the next character boundary), going round to
/// its start as often as needed; padded with spaces to exactly `len`.
fn window(prose: &str, from: usize, len: usize) -> String {
    let start = (from..prose.len())
        .find(|&i| prose.is_char_boundary(i))
        .unwrap_or(0);
    let mut body = String::with_capacity(len + 4);
    let mut rest = &prose[start..];
    while body.len() < len {
        let room = len - body.len();
        if rest.len() <= room {
            body.push_str(rest);
            rest = prose;
        } else {
            let cut = (0..=room)
                .rev()
                .find(|&i| rest.is_char_boundary(i))
                .unwrap_or(0);
            body.push_str(&rest[..cut]);
            break;
        }
        if prose.is_empty() {
            break;
        }
    }
    while body.len() < len {
        body.push(' ');
    }
    body
}

/// The interval of a date expression in a sentence: mostly a day in the three weeks before
/// publication; sometimes a week, a month, or "early April"; rarely a background year.
fn text_interval(rng: &mut SplitMix64, published: Option<NaiveDate>) -> Option<Interval> {
    let anchor = published.unwrap_or_else(|| publication_day(rng));
    let day = anchor - Days::new(rng.below(21) as u64);
    let roll = rng.below(100);
    let (from, to, granularity) = if roll < 75 {
        (day, day, Granularity::Day)
    } else if roll < 85 {
        let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
        (monday, monday + Days::new(6), Granularity::Week)
    } else if roll < 93 {
        let first = day.with_day(1).unwrap_or(day);
        (first, first + Days::new(27), Granularity::Month)
    } else if roll < 98 {
        (
            day,
            day + Days::new(2 + rng.below(9) as u64),
            Granularity::Span,
        )
    } else {
        let first = NaiveDate::from_ymd_opt(2011, 1, 1)?;
        (first, first + Days::new(364), Granularity::Year)
    };
    // Undated articles only get absolute dates, which need no anchor.
    if published.is_none() && granularity != Granularity::Day {
        return None;
    }
    Some(Interval {
        from,
        to,
        granularity,
    })
}

/// `n` made-up places around Libya and the Mediterranean (the first 150 curated, the rest
/// broad), for tests and benches that need a gazetteer-shaped list without the data files.
pub fn places(n: usize, seed: u64) -> Vec<Place> {
    let mut rng = SplitMix64::new(seed ^ 0x0091_ace5);
    (0..n)
        .map(|i| {
            let curated = i < 150;
            // Curated places cluster in Libya; broad ones spread over the Mediterranean region.
            let (lat0, lat1, lon0, lon1) = if curated {
                (24.0, 33.0, 9.0, 25.0)
            } else {
                (10.0, 48.0, -10.0, 45.0)
            };
            let coord = LatLon::new(
                lat0 + (lat1 - lat0) * rng.unit(),
                lon0 + (lon1 - lon0) * rng.unit(),
            );
            Place {
                id: format!("synth:{i}"),
                name: format!("Placename{i}"),
                aliases: Vec::new(),
                kind: if curated {
                    PlaceKind::City
                } else {
                    *rng.pick(&[PlaceKind::City, PlaceKind::District, PlaceKind::Airport])
                },
                coord,
                country: Some("LY".to_owned()),
                geonames_id: None,
                population: None,
                source: if curated {
                    PlaceSource::Curated
                } else {
                    PlaceSource::Broad
                },
                note: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_repeats_itself_for_a_seed_and_not_across_seeds() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        let mut c = SplitMix64::new(8);
        let xs: Vec<u64> = (0..16).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..16).map(|_| b.next_u64()).collect();
        let zs: Vec<u64> = (0..16).map(|_| c.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = SplitMix64::new(1);
        for n in [1, 2, 3, 10, 1000] {
            for _ in 0..1000 {
                assert!(rng.below(n) < n);
                assert!(rng.skewed(n) < n);
            }
        }
        let u = rng.unit();
        assert!((0.0..1.0).contains(&u));
    }

    #[test]
    fn skewed_draws_favour_small_indices() {
        let mut rng = SplitMix64::new(2);
        let low = (0..10_000).filter(|_| rng.skewed(1000) < 10).count();
        // P(x < 10) = ln(11) / ln(1000) ~ 0.35 for the 1/(x+1) density.
        assert!((3000..4000).contains(&low), "{low}");
    }

    #[test]
    fn the_same_seed_gives_the_same_articles() {
        let places = places(400, 3);
        let a = articles(&places, 5, 2000, DEFAULT_SEED);
        let b = articles(&places, 5, 2000, DEFAULT_SEED);
        let c = articles(&places, 5, 2000, DEFAULT_SEED + 1);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn articles_are_sized_paragraphed_and_name_places_and_dates() {
        let places = places(400, 3);
        let xs = articles(&places, 20, 2400, 11);
        assert_eq!(xs.len(), 20);
        for x in &xs {
            assert!((2400..3000).contains(&x.body.len()), "{}", x.body.len());
            assert!(x.body.text().contains("\n\n"));
            assert!(x.body.text().contains("Placename"));
            assert!(!x.body.text().contains('{'), "unfilled slot in {}", x.body);
            let day = x.published.expect("published");
            assert!((first_day()..=last_day()).contains(&day));
        }
        assert!(xs.iter().any(|x| x.body.text().contains(" on ")));
    }

    #[test]
    fn articles_for_events_cover_every_sentence() {
        let s = events(places(200, 5), 3_000, 6);
        let prose = "Über 3 000 Menschen flohen aus Tarhuna. The talks in Rome ended on Friday. \
                     Forces advanced south of the capital as the shelling went on. ";
        for text in [prose, ""] {
            let xs = articles_for(&s, text);
            assert_eq!(xs.len(), s.extractions.len());
            for (a, x) in xs.iter().zip(&s.extractions) {
                let body = a.body.text();
                assert!(
                    x.events
                        .iter()
                        .all(|e| body.get(e.sentence.range()).is_some())
                );
                let len = x.sentences.last().map_or(0, |r| r.end as usize + 2);
                assert_eq!(body.len(), len);
                assert_eq!(a.body.is_packed(), len >= 256, "{len}");
            }
            // Cut from the prose given, wrapping round it.
            let first = xs[0].body.text();
            if !text.is_empty() {
                assert!(
                    first.contains("Tarhuna") || first.contains("Rome"),
                    "{first}"
                );
            }
        }
    }

    #[test]
    fn windows_of_prose_keep_characters_whole() {
        let prose = "Ħal Far — Zürich. ";
        for from in 0..prose.len() {
            for len in [0, 1, 5, 17, 40, 100] {
                let w = window(prose, from, len);
                assert_eq!(w.len(), len, "{from} {len}");
            }
        }
        assert_eq!(window("abc", 1, 7), "bcabcab");
    }

    #[test]
    fn a_gazetteer_without_usable_places_gives_nothing() {
        assert!(articles(Vec::<Place>::new(), 3, 100, 1).is_empty());
        assert_eq!(events(Vec::<Place>::new(), 100, 1).event_count(), 0);
    }

    #[test]
    fn the_same_seed_gives_the_same_events() {
        let places = places(300, 4);
        let a = events(&places, 5_000, 9);
        let b = events(&places, 5_000, 9);
        assert_eq!(a.extractions, b.extractions);
        assert_eq!(a.published, b.published);
        assert_ne!(events(&places, 5_000, 10).extractions, a.extractions);
    }

    #[test]
    fn events_have_the_asked_count_and_the_shape_of_an_extraction() {
        let places = places(300, 4);
        let s = events(&places, 10_000, DEFAULT_SEED);
        assert_eq!(s.event_count(), 10_000);
        assert_eq!(s.extractions.len(), s.published.len());
        let per_article = 10_000 / s.extractions.len();
        assert!((8..=20).contains(&per_article), "{per_article}");
        let mut text = 0;
        for (i, x) in s.extractions.iter().enumerate() {
            for e in &x.events {
                assert_eq!(e.article, ArticleIdx(i as u32));
                assert!((e.place.0 as usize) < places.len());
                assert!(x.sentences.contains(&e.sentence));
                match e.basis {
                    WhenBasis::Text | WhenBasis::Carried => {
                        text += 1;
                        assert!(e.date_mention.is_some());
                    }
                    WhenBasis::Publication => {
                        assert_eq!(e.when.map(|w| w.from), s.published[i]);
                    }
                    WhenBasis::Undated => assert!(s.published[i].is_none()),
                }
                if let Some(w) = e.when {
                    assert!(w.from <= w.to);
                }
            }
            // One event per distinct place per sentence.
            for (j, e) in x.events.iter().enumerate() {
                assert!(
                    !x.events[..j]
                        .iter()
                        .any(|f| f.sentence == e.sentence && f.place == e.place)
                );
            }
        }
        assert!((4_500..6_500).contains(&text), "{text}");
    }
}
