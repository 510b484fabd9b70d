//! Calendar arithmetic for the tagger: intervals for days, weeks (Monday to Sunday), months,
//! years and parts of months, and the "plausible year" of a date written without one.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::{Granularity, Interval};

/// How far after publication a yearless date may fall before we read it as last year's.
pub(super) const FUTURE_TOLERANCE_DAYS: u64 = 62;

pub(super) fn day(d: NaiveDate) -> Interval {
    Interval {
        from: d,
        to: d,
        granularity: Granularity::Day,
    }
}

/// A `Span` interval; `None` if `from > to`.
pub(super) fn span(from: NaiveDate, to: NaiveDate) -> Option<Interval> {
    (from <= to).then_some(Interval {
        from,
        to,
        granularity: Granularity::Span,
    })
}

pub(super) fn month(year: i32, month: u32) -> Option<Interval> {
    let from = NaiveDate::from_ymd_opt(year, month, 1)?;
    Some(Interval {
        from,
        to: last_of_month(from)?,
        granularity: Granularity::Month,
    })
}

pub(super) fn year(year: i32) -> Option<Interval> {
    Some(Interval {
        from: NaiveDate::from_ymd_opt(year, 1, 1)?,
        to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        granularity: Granularity::Year,
    })
}

/// The Monday-to-Sunday week that contains `d`.
pub(super) fn week_of(d: NaiveDate) -> Option<Interval> {
    let monday = d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))?;
    Some(Interval {
        from: monday,
        to: monday.checked_add_days(Days::new(6))?,
        granularity: Granularity::Week,
    })
}

pub(super) fn last_of_month(d: NaiveDate) -> Option<NaiveDate> {
    let first = d.with_day(1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// Shifts `d` by `n` whole months (negative is back), clamping the day to the month's end.
pub(super) fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n.unsigned_abs()))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The year of a yearless date: the publication year, unless that puts the date more than
/// [`FUTURE_TOLERANCE_DAYS`] after publication (news reports the past), then the year before.
/// For a month without a day ("in October", "early April") pass `day = 1`.
pub(super) fn plausible_year(month: u32, day: u32, published: NaiveDate) -> i32 {
    let y = published.year();
    let limit = published.checked_add_days(Days::new(FUTURE_TOLERANCE_DAYS));
    match (NaiveDate::from_ymd_opt(y, month, day), limit) {
        (Some(d), Some(limit)) if d > limit => y - 1,
        // February 29 of a non-leap publication year: still this year's question, let the caller
        // reject the date rather than guess another year.
        _ => y,
    }
}

/// The latest `weekday` on or before `published` (a Friday article's "on Friday" is that day).
pub(super) fn weekday_on_or_before(weekday: Weekday, published: NaiveDate) -> Option<NaiveDate> {
    let back =
        (7 + published.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    published.checked_sub_days(Days::new(u64::from(back)))
}

/// The latest `weekday` strictly before `published` ("last Tuesday").
pub(super) fn weekday_before(weekday: Weekday, published: NaiveDate) -> Option<NaiveDate> {
    weekday_on_or_before(weekday, published.pred_opt()?)
}

/// The first `weekday` strictly after `published` ("next Tuesday").
pub(super) fn weekday_after(weekday: Weekday, published: NaiveDate) -> Option<NaiveDate> {
    let ahead =
        (7 + weekday.num_days_from_monday() - published.weekday().num_days_from_monday()) % 7;
    published.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn a_yearless_date_far_after_publication_belongs_to_the_year_before() {
        assert_eq!(plausible_year(12, 30, ymd(2020, 1, 5)), 2019);
        assert_eq!(plausible_year(4, 22, ymd(2019, 4, 19)), 2019);
        assert_eq!(plausible_year(6, 15, ymd(2019, 4, 19)), 2019);
    }

    #[test]
    fn weekdays_resolve_on_or_before_strictly_before_and_strictly_after() {
        let wed = ymd(2019, 5, 8);
        assert_eq!(
            weekday_on_or_before(Weekday::Tue, wed),
            Some(ymd(2019, 5, 7))
        );
        assert_eq!(weekday_on_or_before(Weekday::Wed, wed), Some(wed));
        assert_eq!(weekday_before(Weekday::Wed, wed), Some(ymd(2019, 5, 1)));
        assert_eq!(weekday_after(Weekday::Wed, wed), Some(ymd(2019, 5, 15)));
        assert_eq!(weekday_after(Weekday::Thu, wed), Some(ymd(2019, 5, 9)));
    }

    #[test]
    fn a_week_runs_monday_to_sunday() {
        let w = week_of(ymd(2019, 4, 28)).expect("in range");
        assert_eq!((w.from, w.to), (ymd(2019, 4, 22), ymd(2019, 4, 28)));
    }
}
