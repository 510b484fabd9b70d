//! Calendar arithmetic for the tagger: intervals for days, weeks (Monday to Sunday), months,
//! quarters, seasons, years; weekdays before and after a day; Easter and other holidays' rules.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::{Granularity, Interval};

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

/// Months `first..=last` of `year` (`last` may run into the next year: a winter).
pub(super) fn months(year: i32, first: u32, count: u32) -> Option<Interval> {
    let from = NaiveDate::from_ymd_opt(year, first, 1)?;
    let to = from.checked_add_months(Months::new(count))?.pred_opt()?;
    span(from, to)
}

/// Quarter `q` (1..=4) of `year`.
pub(super) fn quarter(year: i32, q: u32) -> Option<Interval> {
    months(year, 3 * q.clamp(1, 4) - 2, 3)
}

/// Season `s` of `year` as `TimeML` counts them: spring March-May, summer June-August, fall
/// September-November, winter December to February of the next year.
pub(super) fn season(year: i32, s: u8) -> Option<Interval> {
    months(year, 3 * u32::from(s.min(3)) + 3, 3)
}

/// The years `from..=to`.
pub(super) fn years(from: i32, to: i32) -> Option<Interval> {
    span(year(from)?.from, year(to)?.to)
}

/// Easter Sunday of `year` (Gregorian, the anonymous algorithm of 1876, named as it is
/// published).
#[allow(clippy::many_single_char_names)]
pub(super) fn easter(year: i32) -> Option<NaiveDate> {
    let y = year;
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first day of month `month` (1-based) of Hijri year `hijri` by the tabular Islamic
/// calendar (civil epoch, 30-year cycle with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26,
/// 29): a day or two off the months as sighted, close enough for a month's time.
fn hijri_month_start(hijri: i32, month: i32) -> Option<NaiveDate> {
    // Julian day number of that first day; 1721425 is that of the day before 1 January 1 CE.
    let jdn =
        1 + (59 * (month - 1) + 1) / 2 + (hijri - 1) * 354 + (3 + 11 * hijri) / 30 + 1_948_438;
    NaiveDate::from_num_days_from_ce_opt(jdn - 1_721_425)
}

/// The month of Ramadan (the ninth Hijri month) that begins in Gregorian `year` (the first,
/// where two do), as [`hijri_month_start`] reckons it.
pub(super) fn ramadan(year: i32) -> Option<Interval> {
    // About 33 Hijri years pass in 32 Gregorian ones.
    let guess = (year - 622) * 33 / 32;
    (guess - 1..=guess + 2).find_map(|h| {
        let from = hijri_month_start(h, 9)?;
        (from.year() == year)
            .then(|| span(from, hijri_month_start(h, 10)?.pred_opt()?))
            .flatten()
    })
}

/// The `n`-th (1-based) `weekday` of `month` in `year`.
pub(super) fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?)
}

/// Shifts `d` by `n` whole years, clamping February 29.
pub(super) fn add_years(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    add_months(d, n.checked_mul(12)?)
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

/// The first `weekday` on or after `published`.
pub(super) fn weekday_on_or_after(weekday: Weekday, published: NaiveDate) -> Option<NaiveDate> {
    let ahead =
        (7 + weekday.num_days_from_monday() - published.weekday().num_days_from_monday()) % 7;
    published.checked_add_days(Days::new(u64::from(ahead)))
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
    fn easter_follows_the_computus() {
        assert_eq!(easter(2019), Some(ymd(2019, 4, 21)));
        assert_eq!(easter(2020), Some(ymd(2020, 4, 12)));
        assert_eq!(easter(1998), Some(ymd(1998, 4, 12)));
        assert_eq!(easter(2038), Some(ymd(2038, 4, 25)));
        assert_eq!(easter(1818), Some(ymd(1818, 3, 22)));
    }

    #[test]
    fn quarters_and_seasons_are_three_months_and_winter_crosses_the_year() {
        let q = quarter(1989, 3).expect("in range");
        assert_eq!((q.from, q.to), (ymd(1989, 7, 1), ymd(1989, 9, 30)));
        let w = season(1999, 3).expect("in range");
        assert_eq!((w.from, w.to), (ymd(1999, 12, 1), ymd(2000, 2, 29)));
    }

    #[test]
    fn ramadan_follows_the_tabular_hijri_calendar() {
        let r = ramadan(2016).expect("in range");
        assert_eq!((r.from, r.to), (ymd(2016, 6, 6), ymd(2016, 7, 5)));
        // Two begin in 1997 (January and December) and in 2030: the first.
        let r = ramadan(1997).expect("in range");
        assert_eq!((r.from, r.to), (ymd(1997, 1, 9), ymd(1997, 2, 7)));
        assert_eq!(ramadan(2030).map(|r| r.from), Some(ymd(2030, 1, 5)));
        assert_eq!(ramadan(2024).map(|r| r.from), Some(ymd(2024, 3, 10)));
    }

    #[test]
    fn a_week_runs_monday_to_sunday() {
        let w = week_of(ymd(2019, 4, 28)).expect("in range");
        assert_eq!((w.from, w.to), (ymd(2019, 4, 22), ymd(2019, 4, 28)));
    }
}
