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

/// The view `view` (first and last day shown) zoomed by `factor` (below 1: in) about the
/// fractional day `about`, which keeps its place on screen. Not clamped: the state does that.
pub fn zoomed_view(view: (DayNum, DayNum), about: f64, factor: f64) -> (DayNum, DayNum) {
    let (from, to) = (f64::from(view.0), f64::from(view.1) + 1.0);
    let factor = if factor.is_finite() && factor > 0.0 {
        factor
    } else {
        1.0
    };
    let about = about.clamp(from, to);
    let new_from = about - (about - from) * factor;
    let new_to = about + (to - about) * factor;
    (
        new_from.round() as DayNum,
        (new_to.round() as DayNum - 1).max(new_from.round() as DayNum),
    )
}

/// One labelled tick of the timeline's axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub day: DayNum,
    pub label: String,
}

/// The ticks of a timeline showing `from..=to` at `px_per_day`: the finest calendar step (days,
/// months, years) whose labels fit, at calendar-aligned days. The first label and the first of
/// each year carry the year, so a span over several years never reads as "Nov Feb May".
pub fn axis_ticks(from: DayNum, to: DayNum, px_per_day: f32) -> Vec<Tick> {
    use crate::index::date_of;
    use chrono::Datelike;
    // Steps from the finest, with the widest label each draws (in characters).
    #[derive(Clone, Copy)]
    enum Step {
        Days(u32),
        Months(u32),
        Years(i32),
    }
    const STEPS: [(Step, f32, f32); 14] = [
        (Step::Days(1), 1.0, 11.0),
        (Step::Days(2), 2.0, 11.0),
        (Step::Days(5), 5.0, 11.0),
        (Step::Days(10), 10.0, 11.0),
        (Step::Days(15), 15.0, 11.0),
        (Step::Months(1), 30.4, 8.0),
        (Step::Months(2), 60.9, 8.0),
        (Step::Months(3), 91.3, 8.0),
        (Step::Months(6), 182.6, 8.0),
        (Step::Years(1), 365.2, 4.0),
        (Step::Years(2), 730.5, 4.0),
        (Step::Years(5), 1826.0, 4.0),
        (Step::Years(10), 3652.0, 4.0),
        (Step::Years(50), 18262.0, 4.0),
    ];
    const PX_PER_CHAR: f32 = 8.0;
    const GAP_PX: f32 = 16.0;
    let step = STEPS
        .iter()
        .find(|(_, days, chars)| days * px_per_day >= chars * PX_PER_CHAR + GAP_PX)
        .map_or(Step::Years(100), |s| s.0);
    let on_step = |d: chrono::NaiveDate| match step {
        Step::Days(k) => (d.day() - 1).is_multiple_of(k) && d.day() + k / 2 <= 31,
        Step::Months(k) => d.day() == 1 && (d.month() - 1).is_multiple_of(k),
        Step::Years(k) => d.day() == 1 && d.month() == 1 && d.year().rem_euclid(k) == 0,
    };
    let mut ticks = Vec::new();
    let mut last_year = None;
    let mut day = from;
    while day <= to {
        let d = date_of(day);
        if on_step(d) {
            let new_year = last_year != Some(d.year());
            last_year = Some(d.year());
            let label = match step {
                Step::Days(_) if new_year => d.format("%-d %b %Y"),
                Step::Days(_) => d.format("%-d %b"),
                Step::Months(_) if new_year => d.format("%b %Y"),
                Step::Months(_) => d.format("%b"),
                Step::Years(_) => d.format("%Y"),
            };
            ticks.push(Tick {
                day,
                label: label.to_string(),
            });
        }
        // Jump to the next candidate: the next day, or the first of the next month.
        day = match step {
            Step::Days(_) => day + 1,
            Step::Months(_) | Step::Years(_) => {
                let next = d
                    .with_day(1)
                    .and_then(|m| m.checked_add_months(chrono::Months::new(1)));
                match next {
                    Some(n) => crate::index::day_num(n),
                    None => break,
                }
            }
        };
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::day_num;
    use chrono::{Datelike, NaiveDate};

    fn day(s: &str) -> DayNum {
        day_num(NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date"))
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn an_axis_over_several_years_names_the_year_of_each_first_label_in_it() {
        let ticks = axis_ticks(day("2019-11-01"), day("2021-03-01"), 1.0);
        let l = labels(&ticks);
        assert_eq!(l, ["Jan 2020", "Apr", "Jul", "Oct", "Jan 2021"]);
        assert!(l.iter().any(|s| s.ends_with("2021")), "{l:?}");
        // Every label after the first of a year is in the year the last one named.
        let mut year = None;
        for t in &ticks {
            let y = crate::index::date_of(t.day).year();
            if year != Some(y) {
                assert!(t.label.contains(&y.to_string()), "{l:?}");
            }
            year = Some(y);
        }
    }

    #[test]
    fn a_month_zoomed_in_is_labelled_by_days_and_nine_years_by_years() {
        let ticks = axis_ticks(day("2017-04-01"), day("2017-04-30"), 30.0);
        let l = labels(&ticks);
        assert_eq!(l.first(), Some(&"1 Apr 2017"), "{l:?}");
        assert!(l.len() >= 6, "{l:?}");
        let ticks = axis_ticks(day("2015-01-01"), day("2023-12-31"), 0.3);
        let l = labels(&ticks);
        assert!(l.contains(&"2016") && l.contains(&"2023"), "{l:?}");
    }

    #[test]
    fn zooming_keeps_the_day_under_the_pointer_in_place() {
        let view = (1000, 1099);
        let (f, t) = zoomed_view(view, 1050.0, 0.5);
        assert_eq!((f, t), (1025, 1074));
        let (f, t) = zoomed_view(view, 1000.0, 2.0);
        assert_eq!(f, 1000);
        assert_eq!(t, 1199);
        assert_eq!(zoomed_view(view, 1050.0, f64::NAN), view);
    }
}
