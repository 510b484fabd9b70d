//! What the timeline draws, computed once per dataset: the range, the publication days and the
//! lanes of the uncertain-date spans. No egui: the timeline widget (`ui::timeline`) draws it.

use crate::extract::ArticleIdx;
use crate::extract::dates::Granularity;
use crate::index::{DayNum, EventFilter, day_num};
use crate::session::dataset::Dataset;

/// Number of lanes for uncertain-date spans; more overlap piles into the last lane.
pub const SPAN_LANES: usize = 3;

/// An interval shared by one or more events whose date is not a single day.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanMark {
    pub from: DayNum,
    pub to: DayNum,
    pub granularity: Granularity,
    pub events: u32,
    pub lane: usize,
}

/// What the timeline draws, computed once per dataset.
#[derive(Clone, Debug, Default)]
pub struct TimelineData {
    /// First and last day shown.
    pub range: Option<(DayNum, DayNum)>,
    /// Publication days with their articles, sorted.
    pub published: Vec<(DayNum, ArticleIdx)>,
    /// The distinct days of `published`, sorted.
    pub publication_days: Vec<DayNum>,
    pub spans: Vec<SpanMark>,
}

impl TimelineData {
    pub fn build(ds: &Dataset) -> TimelineData {
        let range = ds
            .index
            .timeline_range()
            .map(|(a, b)| (day_num(a), day_num(b)));
        let mut published: Vec<(DayNum, ArticleIdx)> = (0..ds.articles.len())
            .filter_map(|i| {
                let a = ArticleIdx(i as u32);
                ds.index.published(a).map(|d| (day_num(d), a))
            })
            .collect();
        published.sort();
        let mut publication_days: Vec<DayNum> = published.iter().map(|p| p.0).collect();
        publication_days.dedup();

        let mut intervals: Vec<(DayNum, DayNum, Granularity)> = ds
            .index
            .dated_events()
            .iter()
            .filter_map(crate::index::IndexedEvent::when)
            .filter(|w| w.granularity != Granularity::Day || w.from != w.to)
            .map(|w| (day_num(w.from), day_num(w.to), w.granularity))
            .collect();
        intervals.sort_by_key(|&(f, t, _)| (f, t));
        let mut spans: Vec<SpanMark> = Vec::new();
        for (from, to, granularity) in intervals {
            match spans.last_mut() {
                Some(s) if s.from == from && s.to == to => s.events += 1,
                _ => spans.push(SpanMark {
                    from,
                    to,
                    granularity,
                    events: 1,
                    lane: 0,
                }),
            }
        }
        // Greedy lanes: each span goes to the first lane free at its start.
        let mut lane_end = [DayNum::MIN; SPAN_LANES];
        for s in &mut spans {
            let lane = lane_end
                .iter()
                .position(|&end| end < s.from)
                .unwrap_or(SPAN_LANES - 1);
            lane_end[lane] = lane_end[lane].max(s.to);
            s.lane = lane;
        }
        TimelineData {
            range,
            published,
            publication_days,
            spans,
        }
    }

    /// Articles published on `day` (two binary searches).
    pub fn published_on(&self, day: DayNum) -> usize {
        let lo = self.published.partition_point(|p| p.0 < day);
        let hi = self.published.partition_point(|p| p.0 <= day);
        hi - lo
    }
}

/// One histogram bar: events dated by the text and, stacked on them, those dated only by
/// publication (0 while hidden).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bucket {
    pub text: u32,
    pub publication: u32,
}

/// Sums the per-day counts into buckets of `days` days, split by how the events were dated;
/// with [`EventFilter::DatedByText`] the publication-dated ones are left out.
pub fn histogram_buckets(
    per_day: &[u32],
    per_day_publication: &[u32],
    days: usize,
    filter: EventFilter,
) -> Vec<Bucket> {
    let days = days.max(1);
    per_day
        .chunks(days)
        .enumerate()
        .map(|(i, c)| {
            let all: u32 = c.iter().sum();
            let publication: u32 = per_day_publication
                .get(i * days..(i * days + c.len()).min(per_day_publication.len()))
                .map_or(0, |p| p.iter().sum());
            let publication = publication.min(all);
            Bucket {
                text: all - publication,
                publication: match filter {
                    EventFilter::All => publication,
                    EventFilter::DatedByText => 0,
                },
            }
        })
        .collect()
}
