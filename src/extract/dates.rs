//! Dates in text: a temporal tagger that resolves expressions against the publication date.
//!
//! One pass of a hand-written [lexer](lexer) turns the text into words, numbers and punctuation;
//! a small grammar then tries, at each token, the few patterns that can start there, each with a
//! bounded lookahead. Matches never overlap (the scan resumes after a match), so the whole tagger
//! is linear in the length of the text. No regexes, no clock, no I/O.
//!
//! # Span rule
//! A mention covers the date words and nothing else: leading prepositions ("on", "in", "since",
//! "through", "between", "from", ...) are left out, modifiers that change the meaning are kept.
//! So: "Tuesday", "April 4", "Jan. 5, 2020", "last week", "next Tuesday", "early April",
//! "mid-April", "two nights ago", "the past two weeks", "Last year, in October", "4 and 6 April"
//! (from "between 4 and 6 April"), "Tuesday, April 9" (one mention, the date's interval).
//!
//! # Resolution (all against `published`; nothing reads the clock)
//! - Absolute dates ("April 25, 2019", "19 January 2020", "13th December 2019", "2019-04-04"):
//!   `Day`. "January 2018": `Month`. A bare four-digit year only after a preposition ("in 2011",
//!   "since 2011", "of 2011"): `Year`; "in 2019-20": `Span`.
//! - Yearless dates ("April 4", "23 May", "in October"): the publication year, unless that puts
//!   the date more than about two months (62 days) after publication, then the year before.
//!   Bare month names need a preposition or "this"/"last"/"next" before them, or "last year"
//!   after them ("October last year"), so "Theresa May" and "may" stay out.
//! - Ranges ("April 4-6", "April 30 - May 2", "between 4 and 6 April", "from 4 to 6 April"):
//!   `Span`.
//! - Weekdays: the latest such day on or before publication (a Friday article's "Friday" is that
//!   day); "last Tuesday" is strictly before, "next Tuesday" strictly after.
//! - "today", "tonight", "this morning": publication day; "yesterday", "last night": the day
//!   before; "tomorrow": the day after. "this/last/next week" (Monday to Sunday, `Week`), "month"
//!   (`Month`), "year" (`Year`). "earlier this month": `Span` from the first of the month to
//!   publication; "later this week": publication to the end of the week.
//! - "N days/nights ago", "N weeks ago": that day (`Day`); "N months ago": that month; "N years
//!   ago": that year. "the past two weeks", "the last 10 days", "the past week": `Span` from N
//!   units before publication to publication.
//! - "early/mid/late April": days 1-10 / 11-20 / 21-end of the resolved month; "early/mid/late
//!   2019": January-April / May-August / September-December. `Span`.
//! - Datelines ("ROME, April 19 (Xinhua)") are ordinary yearless dates and tagged as such.
//! - Not dates: "the coming days" (too vague; in quoted speech its anchor is unknown), "daily",
//!   "month-long", "years-old", numbers glued to letters or punctuation ("F.1", "F.1AD", "3,400",
//!   "10:30", "50/50", "300-member"), numbers after "@", "#" or currency signs.
//!
//! Expressions that need an anchor are skipped when `published` is `None`; absolute ones still
//! resolve. Month and weekday names must start with a capital letter.

mod calendar;
mod lexer;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use lexer::{Kind, Lex, Num, Prep, Token, Unit};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
    /// Any other interval: "the past two weeks", "early April", "April 4-6".
    Span,
}

/// A closed interval of days, `from <= to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Interval {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub granularity: Granularity,
}

/// One date expression: `text[start..end]` means `interval`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub interval: Interval,
}

/// Finds date expressions in `text`, sorted by `start`, non-overlapping. Expressions that need an
/// anchor ("on Tuesday", "April 4") are skipped when `published` is `None`.
pub fn tag_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let toks = lexer::tokenize(text);
    let tagger = Tagger {
        toks: &toks,
        published,
    };
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match tagger.match_at(i) {
            Some(m) => {
                mentions.push(DateMention {
                    start: toks[i].start,
                    end: toks[m.last].end,
                    interval: m.interval,
                });
                i = m.last + 1;
            }
            None => i += 1,
        }
    }
    mentions
}

/// A pattern matched from the token where the scan stands to `last` (inclusive).
#[derive(Clone, Copy, Debug)]
struct Match {
    last: usize,
    interval: Interval,
}

/// Part of a month or year: "early", "mid", "late".
#[derive(Clone, Copy)]
enum Part {
    Early,
    Mid,
    Late,
}

struct Tagger<'t> {
    toks: &'t [Token],
    published: Option<NaiveDate>,
}

impl Tagger<'_> {
    fn match_at(&self, i: usize) -> Option<Match> {
        match self.toks[i].kind {
            Kind::Num(_) => self
                .iso(i)
                .or_else(|| self.ago(i))
                .or_else(|| self.day_first(i, None))
                .or_else(|| self.bare_year(i)),
            Kind::Word { lex, cap } => match lex {
                Lex::Month { .. } if cap => self.month_first(i, None),
                Lex::Weekday(_) if cap => self.weekday(i),
                Lex::Today | Lex::Tonight => Some(self.at(i, calendar::day(self.published?))),
                Lex::Yesterday => self.days_from_pub(i, -1),
                Lex::Tomorrow => self.days_from_pub(i, 1),
                Lex::This | Lex::Last | Lex::Next => self.this_last_next(i, lex),
                Lex::Earlier | Lex::Later => self.earlier_later(i, lex),
                Lex::Early => self.part_of(i, Part::Early),
                Lex::Mid => self.part_of(i, Part::Mid),
                Lex::Late => self.part_of(i, Part::Late),
                Lex::The => self.past_n(i + 1),
                Lex::Past => self.past_n(i),
                Lex::A | Lex::Count(_) => self.ago(i),
                _ => None,
            },
            Kind::Punct(_) => None,
        }
    }

    fn at(&self, last: usize, interval: Interval) -> Match {
        debug_assert!(last < self.toks.len());
        Match { last, interval }
    }

    fn days_from_pub(&self, i: usize, n: i64) -> Option<Match> {
        let d = calendar::add_days(self.published?, n)?;
        Some(self.at(i, calendar::day(d)))
    }

    // ---- token accessors -------------------------------------------------------------------

    fn lex(&self, i: usize) -> Option<Lex> {
        match self.toks.get(i)?.kind {
            Kind::Word { lex, .. } => Some(lex),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn num(&self, i: usize) -> Option<Num> {
        match self.toks.get(i)?.kind {
            Kind::Num(n) if !n.glued => Some(n),
            _ => None,
        }
    }

    /// The token at `i` touches the one before it (no whitespace between).
    fn adjacent(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn prev_prep(&self, i: usize) -> Option<Prep> {
        match self.lex(i.checked_sub(1)?)? {
            Lex::Prep(p) => Some(p),
            _ => None,
        }
    }

    /// Nothing glued before the number at `i` except an opening bracket or quote.
    fn clean_before(&self, i: usize) -> bool {
        if i == 0 || !self.adjacent(i) {
            return true;
        }
        matches!(
            self.punct(i - 1),
            Some('(' | '[' | '"' | '\'' | '\u{201c}' | '\u{2018}')
        )
    }

    /// The number at `i` does not continue as "3,400", "3.5", "10:30", "50/50", "300-member",
    /// "50%".
    fn clean_after(&self, i: usize) -> bool {
        if !self.adjacent(i + 1) {
            return true;
        }
        let glued_number = self.adjacent(i + 2) && self.num(i + 2).is_some();
        match self.toks.get(i + 1).map(|t| t.kind) {
            Some(Kind::Punct(',' | '.' | ':')) => !glued_number,
            Some(Kind::Punct('-' | '\u{2010}' | '\u{2011}')) => {
                !(self.adjacent(i + 2) && self.lex(i + 2).is_some())
            }
            Some(Kind::Punct('/' | '%') | Kind::Word { .. } | Kind::Num(_)) => false,
            Some(Kind::Punct(_)) | None => true,
        }
    }

    /// A day of the month at `i`, 1..=31, standing on its own.
    fn day_at(&self, i: usize) -> Option<u32> {
        if !self.clean_before(i) {
            return None;
        }
        self.day_value(i)
    }

    /// A day of the month at `i` that may follow a dash ("4-6").
    fn day_value(&self, i: usize) -> Option<u32> {
        let n = self.num(i)?;
        (n.digits <= 2 && (1..=31).contains(&n.value) && self.clean_after(i)).then_some(n.value)
    }

    /// A four-digit year (1800..=2199) at `i`, standing on its own.
    fn year_at(&self, i: usize) -> Option<i32> {
        if !self.clean_before(i) {
            return None;
        }
        self.year_value(i)
    }

    /// A four-digit year at `i` that may follow a hyphen ("mid-2020").
    fn year_value(&self, i: usize) -> Option<i32> {
        let n = self.num(i)?;
        let ok = n.digits == 4 && (1800..=2199).contains(&n.value) && self.clean_after(i);
        ok.then(|| i32::try_from(n.value).ok()).flatten()
    }

    /// A capitalised month name at `i` and the index of its last token (an abbreviation takes its
    /// period). Abbreviations need a period or a number after them unless `loose`.
    fn month_at(&self, i: usize, loose: bool) -> Option<(u32, usize)> {
        let Kind::Word {
            lex: Lex::Month { month, abbr },
            cap: true,
        } = self.toks.get(i)?.kind
        else {
            return None;
        };
        if !abbr {
            return Some((month, i));
        }
        if self.punct(i + 1) == Some('.') && self.adjacent(i + 1) {
            Some((month, i + 1))
        } else if loose || self.num(i + 1).is_some() {
            Some((month, i))
        } else {
            None
        }
    }

    /// ", 2019" or " 2019" after a date: the year and its token.
    fn explicit_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.punct(i) == Some(',') {
            self.year_at(i + 1).map(|y| (y, i + 1))
        } else {
            self.year_at(i).map(|y| (y, i))
        }
    }

    /// "last year" / "this year" after a yearless date: the year and the index of "year".
    fn year_suffix(&self, i: usize) -> Option<(i32, usize)> {
        let pub_year = self.published?.year();
        let y = match self.lex(i)? {
            Lex::Last => pub_year - 1,
            Lex::This => pub_year,
            _ => return None,
        };
        matches!(
            self.lex(i + 1)?,
            Lex::Unit {
                unit: Unit::Year,
                plural: false
            }
        )
        .then_some((y, i + 1))
    }

    /// A range connector at `i` for a date that started at `first`: a dash, "through"/"until",
    /// "to" after "from", "and" after "between". Returns the index after it.
    fn range_connector(&self, i: usize, first: usize) -> Option<usize> {
        let before = self.prev_prep(first);
        let ok = match self.toks.get(i)?.kind {
            Kind::Punct(c) => matches!(c, '-' | '\u{2013}' | '\u{2014}'),
            Kind::Word { lex, .. } => match lex {
                Lex::Prep(Prep::Until) => true,
                Lex::Prep(Prep::To) => before == Some(Prep::From),
                Lex::And => before == Some(Prep::Between),
                _ => false,
            },
            Kind::Num(_) => false,
        };
        ok.then_some(i + 1)
    }

    // ---- patterns --------------------------------------------------------------------------

    /// "2019-04-04".
    fn iso(&self, i: usize) -> Option<Match> {
        let y = self.num(i)?;
        let dash = |k: usize| self.adjacent(k) && self.punct(k) == Some('-');
        let two = |k: usize| {
            self.adjacent(k)
                .then(|| self.num(k))
                .flatten()
                .filter(|n| n.digits <= 2)
        };
        if y.digits != 4 || !self.clean_before(i) || !dash(i + 1) || !dash(i + 3) {
            return None;
        }
        let (m, d) = (two(i + 2)?, two(i + 4)?);
        if !self.clean_after(i + 4) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(i32::try_from(y.value).ok()?, m.value, d.value)?;
        Some(self.at(i + 4, calendar::day(date)))
    }

    /// Resolves a month/day (with an optional range end) to an interval; `year` if written.
    fn resolve_day(
        &self,
        (month, day): (u32, u32),
        end: Option<(u32, u32)>,
        year: Option<i32>,
    ) -> Option<Interval> {
        let year = match year {
            Some(y) => y,
            None => calendar::plausible_year(month, day, self.published?),
        };
        let from = NaiveDate::from_ymd_opt(year, month, day)?;
        match end {
            None => Some(calendar::day(from)),
            Some((m2, d2)) => {
                let y2 = if m2 < month { year + 1 } else { year };
                calendar::span(from, NaiveDate::from_ymd_opt(y2, m2, d2)?)
            }
        }
    }

    /// The year written after a date at `i` ("…, 2019", "… last year"), or the hint.
    fn trailing_year(&self, i: usize, hint: Option<i32>) -> (Option<i32>, Option<usize>) {
        if let Some((y, last)) = self.explicit_year(i).or_else(|| self.year_suffix(i)) {
            (Some(y), Some(last))
        } else {
            (hint, None)
        }
    }

    /// "April 4", "April 4th", "Jan. 5, 2020", "April 4-6", "April 30 - May 2", "January 2018",
    /// "in October", "October last year". `hint`: the year when none is written.
    fn month_first(&self, i: usize, hint: Option<i32>) -> Option<Match> {
        let (month, mut last) = self.month_at(i, false)?;
        if let Some(day) = self.day_at(last + 1) {
            last += 1;
            let mut end = None;
            if let Some(k) = self.range_connector(last + 1, i) {
                if let Some((m2, mlast)) = self.month_at(k, true) {
                    if let Some(d2) = self.day_at(mlast + 1) {
                        end = Some((m2, d2));
                        last = mlast + 1;
                    }
                } else if let Some(d2) = self.day_value(k).filter(|d2| *d2 > day) {
                    end = Some((month, d2));
                    last = k;
                }
            }
            let (year, year_last) = self.trailing_year(last + 1, hint);
            let interval = self.resolve_day((month, day), end, year)?;
            return Some(self.at(year_last.unwrap_or(last), interval));
        }
        if let Some(y) = self.year_at(last + 1) {
            return Some(self.at(last + 1, calendar::month(y, month)?));
        }
        // A bare month name: only in date-ish context.
        let (year, year_last) = self.trailing_year(last + 1, hint);
        let year = match year {
            Some(y) => y,
            None if self.prev_prep(i).is_some() => {
                calendar::plausible_year(month, 1, self.published?)
            }
            None => return None,
        };
        Some(self.at(year_last.unwrap_or(last), calendar::month(year, month)?))
    }

    /// "19 January 2020", "13th December 2019", "23 May", "4-6 April", "4 and 6 April" after
    /// "between", "5th of May".
    fn day_first(&self, i: usize, hint: Option<i32>) -> Option<Match> {
        let day = self.day_at(i)?;
        let mut k = i + 1;
        let mut end_day = None;
        if let Some(c) = self.range_connector(k, i)
            && let Some(d2) = self.day_value(c).filter(|d2| *d2 > day)
        {
            end_day = Some(d2);
            k = c + 1;
        }
        if self.lex(k) == Some(Lex::Prep(Prep::Of)) {
            k += 1;
        }
        let (month, mlast) = self.month_at(k, true)?;
        let (year, year_last) = self.trailing_year(mlast + 1, hint);
        let interval = self.resolve_day((month, day), end_day.map(|d2| (month, d2)), year)?;
        Some(self.at(year_last.unwrap_or(mlast), interval))
    }

    /// "in 2011", "since 2011", "of 2011"; "in 2019-20" as a span.
    fn bare_year(&self, i: usize) -> Option<Match> {
        let y = self.year_at(i)?;
        let prep = self.prev_prep(i)?;
        if prep == Prep::To {
            return None;
        }
        // "a total of 2000 people", "by 1900 votes": a count, not a year.
        let strong = matches!(prep, Prep::In | Prep::Since | Prep::Until | Prep::During);
        if !strong
            && let Some(Kind::Word {
                lex: Lex::Other,
                cap: false,
            }) = self.toks.get(i + 1).map(|t| t.kind)
        {
            return None;
        }
        if self.adjacent(i + 1)
            && matches!(self.punct(i + 1), Some('-' | '\u{2013}'))
            && self.adjacent(i + 2)
            && let Some(n) = self.num(i + 2)
        {
            let y2 = match n.digits {
                2 => y - y % 100 + i32::try_from(n.value).ok()?,
                4 => i32::try_from(n.value).ok()?,
                _ => return None,
            };
            if y2 > y && self.clean_after(i + 2) {
                let from = calendar::year(y)?.from;
                let to = calendar::year(y2)?.to;
                return Some(self.at(i + 2, calendar::span(from, to)?));
            }
        }
        Some(self.at(i, calendar::year(y)?))
    }

    /// "Tuesday" (latest on or before publication), "Tuesday, April 9" (the date).
    fn weekday(&self, i: usize) -> Option<Match> {
        let Some(Lex::Weekday(wd)) = self.lex(i) else {
            return None;
        };
        let k = if self.punct(i + 1) == Some(',') {
            i + 2
        } else {
            i + 1
        };
        let dated = self
            .month_first(k, None)
            .or_else(|| self.day_first(k, None))
            .filter(|m| m.interval.granularity == Granularity::Day);
        if let Some(m) = dated {
            return Some(m);
        }
        let d = calendar::weekday_on_or_before(wd, self.published?)?;
        Some(self.at(i, calendar::day(d)))
    }

    /// "this week", "last month", "next year", "last Tuesday", "next Tuesday", "last April",
    /// "last night", "this morning", "Last year, in October", "last 10 days".
    fn this_last_next(&self, i: usize, which: Lex) -> Option<Match> {
        let published = self.published?;
        let step: i32 = match which {
            Lex::Last => -1,
            Lex::Next => 1,
            _ => 0,
        };
        // "the last week of April", "the last year": rolling periods, see `past_n`.
        if which == Lex::Last && i > 0 && self.lex(i - 1) == Some(Lex::The) {
            return None;
        }
        let next_cap = matches!(self.toks.get(i + 1)?.kind, Kind::Word { cap: true, .. });
        match self.lex(i + 1) {
            Some(Lex::Unit {
                unit,
                plural: false,
            }) => {
                let interval = match unit {
                    Unit::Week => {
                        calendar::week_of(calendar::add_days(published, 7 * i64::from(step))?)?
                    }
                    Unit::Month => {
                        let d = calendar::add_months(published, step)?;
                        calendar::month(d.year(), d.month())?
                    }
                    Unit::Year => {
                        let y = published.year() + step;
                        if step == -1
                            && let Some(m) = self.in_month_of(i + 2, y)
                        {
                            return Some(m);
                        }
                        calendar::year(y)?
                    }
                    Unit::Night if step <= 0 => {
                        calendar::day(calendar::add_days(published, i64::from(step))?)
                    }
                    _ => return None,
                };
                Some(self.at(i + 1, interval))
            }
            Some(Lex::DayPart) if step == 0 => Some(self.at(i + 1, calendar::day(published))),
            Some(Lex::Weekday(wd)) if next_cap && step != 0 => {
                let d = if step < 0 {
                    calendar::weekday_before(wd, published)?
                } else {
                    calendar::weekday_after(wd, published)?
                };
                Some(self.at(i + 1, calendar::day(d)))
            }
            Some(Lex::Month { .. }) if next_cap => {
                let (month, mlast) = self.month_at(i + 1, false)?;
                if self.day_at(mlast + 1).is_some() {
                    return None; // "this April 4": let the date speak
                }
                let pub_month = published.month();
                let y = published.year();
                let year = match step {
                    -1 if month < pub_month => y,
                    -1 => y - 1,
                    1 if month > pub_month => y,
                    1 => y + 1,
                    _ => calendar::plausible_year(month, 1, published),
                };
                Some(self.at(mlast, calendar::month(year, month)?))
            }
            Some(Lex::Count(_)) | None if which == Lex::Last => self.past_n(i),
            _ => None,
        }
    }

    /// ", in October" after "last year" (`i` at the comma or "in"): that month of `year`.
    fn in_month_of(&self, mut i: usize, year: i32) -> Option<Match> {
        if self.punct(i) == Some(',') {
            i += 1;
        }
        if self.lex(i) != Some(Lex::Prep(Prep::In)) {
            return None;
        }
        self.month_first(i + 1, Some(year))
    }

    /// "earlier this month", "later this week".
    fn earlier_later(&self, i: usize, which: Lex) -> Option<Match> {
        let published = self.published?;
        if self.lex(i + 1) != Some(Lex::This) {
            return None;
        }
        let period = match self.lex(i + 2)? {
            Lex::Unit {
                unit: Unit::Week,
                plural: false,
            } => calendar::week_of(published)?,
            Lex::Unit {
                unit: Unit::Month,
                plural: false,
            } => calendar::month(published.year(), published.month())?,
            Lex::Unit {
                unit: Unit::Year,
                plural: false,
            } => calendar::year(published.year())?,
            _ => return None,
        };
        let interval = if which == Lex::Earlier {
            calendar::span(period.from, published)?
        } else {
            calendar::span(published, period.to)?
        };
        Some(self.at(i + 2, interval))
    }

    /// "early April", "mid-April", "late April 2019", "early 2019".
    fn part_of(&self, i: usize, part: Part) -> Option<Match> {
        let mut k = i + 1;
        if self.adjacent(k) && matches!(self.punct(k), Some('-' | '\u{2010}' | '\u{2011}')) {
            k += 1;
        }
        if let Some((month, mlast)) = self.month_at(k, false) {
            if self.day_at(mlast + 1).is_some() {
                return None; // "late April 4"? not a form we know
            }
            let (year, year_last) = self.trailing_year(mlast + 1, None);
            let year = match year {
                Some(y) => y,
                None => calendar::plausible_year(month, 1, self.published?),
            };
            let whole = calendar::month(year, month)?;
            let (from, to) = match part {
                Part::Early => (1, 10),
                Part::Mid => (11, 20),
                Part::Late => (21, whole.to.day()),
            };
            let interval = calendar::span(
                NaiveDate::from_ymd_opt(year, month, from)?,
                NaiveDate::from_ymd_opt(year, month, to)?,
            )?;
            return Some(self.at(year_last.unwrap_or(mlast), interval));
        }
        let y = self.year_value(k)?;
        let (from, to) = match part {
            Part::Early => ((1, 1), (4, 30)),
            Part::Mid => ((5, 1), (8, 31)),
            Part::Late => ((9, 1), (12, 31)),
        };
        let interval = calendar::span(
            NaiveDate::from_ymd_opt(y, from.0, from.1)?,
            NaiveDate::from_ymd_opt(y, to.0, to.1)?,
        )?;
        Some(self.at(k, interval))
    }

    /// A small count at `i`: "a", "two", "10". Returns the count.
    fn count_at(&self, i: usize) -> Option<u32> {
        match self.toks.get(i)?.kind {
            Kind::Word { lex: Lex::A, .. } => Some(1),
            Kind::Word {
                lex: Lex::Count(n), ..
            } => Some(n),
            Kind::Num(n)
                if !n.glued && n.digits <= 3 && self.clean_before(i) && self.clean_after(i) =>
            {
                Some(n.value)
            }
            _ => None,
        }
    }

    /// `n` units back from publication, as the start of a rolling period.
    fn back(published: NaiveDate, n: u32, unit: Unit) -> Option<NaiveDate> {
        let n = i64::from(n);
        match unit {
            Unit::Hour => calendar::add_days(published, -((n + 23) / 24)),
            Unit::Day | Unit::Night => calendar::add_days(published, -n),
            Unit::Week => calendar::add_days(published, -7 * n),
            Unit::Month => calendar::add_months(published, -i32::try_from(n).ok()?),
            Unit::Year => calendar::add_months(published, -12 * i32::try_from(n).ok()?),
        }
    }

    /// "two nights ago", "three days ago", "a week ago", "two months ago", "a year ago".
    fn ago(&self, i: usize) -> Option<Match> {
        let n = self.count_at(i)?;
        let Some(Lex::Unit { unit, .. }) = self.lex(i + 1) else {
            return None;
        };
        if self.lex(i + 2) != Some(Lex::Ago) {
            return None;
        }
        let published = self.published?;
        let then = Self::back(published, n, unit)?;
        let interval = match unit {
            Unit::Hour | Unit::Day | Unit::Night | Unit::Week => calendar::day(then),
            Unit::Month => calendar::month(then.year(), then.month())?,
            Unit::Year => calendar::year(then.year())?,
        };
        Some(self.at(i + 2, interval))
    }

    /// "the past two weeks", "the last 10 days", "the past week", "past 24 hours" (`i` at "past"
    /// or "last"; the mention starts one token earlier when that is "the").
    fn past_n(&self, i: usize) -> Option<Match> {
        if !matches!(self.lex(i)?, Lex::Past | Lex::Last) {
            return None;
        }
        let (n, unit_at) = match self.count_at(i + 1) {
            Some(n) => (n, i + 2),
            None => (1, i + 1),
        };
        let Some(Lex::Unit { unit, plural }) = self.lex(unit_at) else {
            return None;
        };
        if (unit_at == i + 1 && plural) || self.lex(unit_at + 1) == Some(Lex::Prep(Prep::Of)) {
            return None; // "the past weeks" is vague; "the last week of April" is not rolling
        }
        let published = self.published?;
        let from = Self::back(published, n, unit)?;
        Some(self.at(unit_at, calendar::span(from, published)?))
    }
}

#[cfg(test)]
mod tests;
