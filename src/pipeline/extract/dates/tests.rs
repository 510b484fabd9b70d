//! One test per form the tagger knows, one per false hit it must avoid.

use super::*;

fn ymd(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("valid test date")
}

/// Every mention as (surface, from, to, granularity).
fn tag(text: &str, published: Option<&str>) -> Vec<(String, String, String, Granularity)> {
    tag_dates(text, published.map(ymd))
        .into_iter()
        .map(|m| {
            (
                text[m.start..m.end].to_owned(),
                m.interval.from.to_string(),
                m.interval.to.to_string(),
                m.interval.granularity,
            )
        })
        .collect()
}

/// Asserts that the mentions in `text` are `want`, as (surface, first day).
#[track_caller]
fn assert_starts(text: &str, published: Option<&str>, want: &[(&str, &str)]) {
    let got: Vec<_> = tag(text, published)
        .into_iter()
        .map(|m| (m.0, m.1))
        .collect();
    let want: Vec<_> = want
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

/// Asserts that `text` holds exactly one mention, `surface`, meaning [from, to] at `granularity`.
#[track_caller]
fn assert_one(text: &str, published: &str, surface: &str, from: &str, to: &str, g: Granularity) {
    assert_eq!(
        tag(text, Some(published)),
        vec![(surface.to_owned(), from.to_owned(), to.to_owned(), g)],
        "in {text:?}"
    );
}

/// Asserts that `text` holds exactly one mention, `surface`, whatever it means.
#[track_caller]
fn assert_surface(text: &str, published: &str, surface: &str) {
    let got: Vec<String> = tag(text, Some(published))
        .into_iter()
        .map(|m| m.0)
        .collect();
    assert_eq!(got, [surface], "in {text:?}");
}

#[track_caller]
fn assert_none(text: &str, published: &str) {
    assert_eq!(tag(text, Some(published)), vec![], "in {text:?}");
}

use Granularity::{Day, Month, Span, Week, Year};

// ---- absolute --------------------------------------------------------------------------------

#[test]
fn a_numeric_date_is_that_day_in_the_order_its_numbers_allow() {
    // Sunday 15 March 2020.
    for (text, surface, day) in [
        ("met on 21/04/2019 in Rome", "21/04/2019", "2019-04-21"),
        ("met on 4/21/2019 in Rome", "4/21/2019", "2019-04-21"),
        ("met on 25.02.2020 in Rome", "25.02.2020", "2020-02-25"),
        ("met on 25/2/20 in Rome", "25/2/20", "2020-02-25"),
        ("met on 12-03-2020 in Rome", "12-03-2020", "2020-03-12"),
        // Both orders possible: the one near the publication, else the month first.
        ("met on 12/03/2020 in Rome", "12/03/2020", "2020-03-12"),
        ("met on 03/12/2020 in Rome", "03/12/2020", "2020-03-12"),
        ("the 9/11/2001 attacks", "9/11/2001", "2001-09-11"),
        // Full stops: the day first.
        ("met on 01.02.2020 in Rome", "01.02.2020", "2020-02-01"),
    ] {
        assert_one(text, "2020-03-15", surface, day, day, Day);
    }
    // Not a ratio, a fraction, a score, an impossible day, a number glued on.
    for text in [
        "open 24/7 and 50/50",
        "a 1/2/3 split",
        "on 31/31/2020",
        "on 12/03/2020x",
        "on 12/03/20201",
    ] {
        assert_none(text, "2020-03-15");
    }
}

#[test]
fn a_month_day_year_date_is_that_day() {
    assert_one(
        "on April 25, 2019 the",
        "2020-01-01",
        "April 25, 2019",
        "2019-04-25",
        "2019-04-25",
        Day,
    );
}

#[test]
fn a_day_month_year_date_is_that_day() {
    assert_one(
        "on 19 January 2020.",
        "2019-01-01",
        "19 January 2020",
        "2020-01-19",
        "2020-01-19",
        Day,
    );
}

#[test]
fn an_ordinal_day_month_year_date_is_that_day() {
    assert_one(
        "the 13th December 2019 vote",
        "2020-05-01",
        "13th December 2019",
        "2019-12-13",
        "2019-12-13",
        Day,
    );
}

#[test]
fn an_abbreviated_month_with_a_period_is_that_day() {
    assert_one(
        "on Jan. 5, 2020, he",
        "2020-02-01",
        "Jan. 5, 2020",
        "2020-01-05",
        "2020-01-05",
        Day,
    );
}

#[test]
fn an_iso_date_is_that_day() {
    assert_one(
        "dated 2019-04-04.",
        "2020-02-01",
        "2019-04-04",
        "2019-04-04",
        "2019-04-04",
        Day,
    );
}

#[test]
fn absolute_dates_resolve_without_a_publication_date() {
    assert_eq!(tag("on April 25, 2019 and in 2011", None).len(), 2);
    assert_eq!(tag("on April 25 and on Tuesday, last week", None), vec![]);
}

#[test]
fn an_impossible_date_is_not_a_day() {
    // Only the years stand.
    let found = tag("on February 30, 2019 and 2019-13-01", Some("2019-05-01"));
    let surfaces: Vec<_> = found.iter().map(|m| (m.0.as_str(), m.3)).collect();
    assert_eq!(surfaces, [("2019", Year), ("2019", Year)]);
}

// ---- partial ---------------------------------------------------------------------------------

#[test]
fn a_month_day_date_takes_the_publication_year() {
    assert_one(
        "who on April 4 launched",
        "2019-04-19",
        "April 4",
        "2019-04-04",
        "2019-04-04",
        Day,
    );
}

#[test]
fn a_day_month_date_takes_the_publication_year() {
    assert_one(
        "until 23 May.",
        "2019-05-30",
        "23 May",
        "2019-05-23",
        "2019-05-23",
        Day,
    );
}

#[test]
fn an_ordinal_month_day_date_takes_the_publication_year() {
    assert_one(
        "on April 4th,",
        "2019-04-19",
        "April 4th",
        "2019-04-04",
        "2019-04-04",
        Day,
    );
}

#[test]
fn a_near_future_yearless_date_stays_in_the_publication_year() {
    assert_one(
        "through April 22, explained",
        "2019-04-19",
        "April 22",
        "2019-04-22",
        "2019-04-22",
        Day,
    );
}

#[test]
fn a_yearless_date_months_after_publication_belongs_to_the_year_before() {
    assert_one(
        "on December 30 the",
        "2020-01-05",
        "December 30",
        "2019-12-30",
        "2019-12-30",
        Day,
    );
}

// ---- ranges ----------------------------------------------------------------------------------

#[test]
fn a_month_day_range_is_a_span() {
    assert_one(
        "on April 4-6 in",
        "2019-04-19",
        "April 4-6",
        "2019-04-04",
        "2019-04-06",
        Span,
    );
}

#[test]
fn a_range_across_months_is_a_span() {
    assert_one(
        "April 30 – May 2, 2019",
        "2020-01-01",
        "April 30 – May 2, 2019",
        "2019-04-30",
        "2019-05-02",
        Span,
    );
}

#[test]
fn a_between_and_range_is_a_span_without_between() {
    assert_one(
        "between 4 and 6 April",
        "2019-04-19",
        "4 and 6 April",
        "2019-04-04",
        "2019-04-06",
        Span,
    );
}

#[test]
fn a_day_first_dash_range_is_a_span() {
    assert_one(
        "the 4–6 April talks",
        "2019-04-19",
        "4–6 April",
        "2019-04-04",
        "2019-04-06",
        Span,
    );
}

// ---- months and years ------------------------------------------------------------------------

#[test]
fn a_month_and_year_is_that_month() {
    assert_one(
        "launched in January 2018, will",
        "2019-04-09",
        "January 2018",
        "2018-01-01",
        "2018-01-31",
        Month,
    );
}

#[test]
fn a_year_after_in_is_that_year() {
    assert_one(
        "in 2011.",
        "2019-04-09",
        "2011",
        "2011-01-01",
        "2011-12-31",
        Year,
    );
}

#[test]
fn a_year_after_since_is_that_year() {
    assert_one(
        "in turmoil since 2011,",
        "2019-04-09",
        "2011",
        "2011-01-01",
        "2011-12-31",
        Year,
    );
}

#[test]
fn a_season_of_years_is_a_span() {
    assert_one(
        "during 2019-20 the",
        "2021-01-01",
        "2019-20",
        "2019-01-01",
        "2020-12-31",
        Span,
    );
}

#[test]
fn a_bare_month_after_a_preposition_is_that_month_of_the_plausible_year() {
    assert_one(
        "in October the",
        "2020-02-19",
        "October",
        "2019-10-01",
        "2019-10-31",
        Month,
    );
    assert_one(
        "since March,",
        "2020-04-19",
        "March",
        "2020-03-01",
        "2020-03-31",
        Month,
    );
    // After "since", a month that has begun, however near the next one is.
    assert_one(
        "have been trying to seize Tripoli since April.",
        "2020-01-14",
        "April",
        "2019-04-01",
        "2019-04-30",
        Month,
    );
}

#[test]
fn months_named_together_are_one_span_from_the_first_to_the_last() {
    // A month before the one it follows is of the next year.
    assert_one(
        "Storms flooded the valley in December and January.",
        "2022-02-17",
        "December and January",
        "2021-12-01",
        "2022-01-31",
        Span,
    );
    assert_one(
        "Rain fell between March and May.",
        "2021-09-01",
        "March and May",
        "2021-03-01",
        "2021-05-31",
        Span,
    );
    assert_one(
        "The road was shut from June to August.",
        "2021-09-01",
        "June to August",
        "2021-06-01",
        "2021-08-31",
        Span,
    );
    assert_one(
        "Wells ran dry in July or August.",
        "2021-09-01",
        "July or August",
        "2021-07-01",
        "2021-08-31",
        Span,
    );
    assert_one(
        "Crops failed in June, July and August.",
        "2021-09-01",
        "June, July and August",
        "2021-06-01",
        "2021-08-31",
        Span,
    );
    // A year written after either month dates the other too.
    assert_one(
        "Rain fell between November and February 2019.",
        "2021-09-01",
        "November and February 2019",
        "2018-11-01",
        "2019-02-28",
        Span,
    );
    assert_one(
        "Rain fell in December 2017 and January.",
        "2021-09-01",
        "December 2017 and January",
        "2017-12-01",
        "2018-01-31",
        Span,
    );
}

#[test]
fn months_in_separate_phrases_or_with_days_stay_apart() {
    assert_starts(
        "Sales rose in April and fell in May.",
        Some("2021-09-01"),
        &[("April", "2021-04-01"), ("May", "2021-05-01")],
    );
    assert_starts(
        "The talks ran between March and May 5.",
        Some("2021-09-01"),
        &[("March", "2021-03-01"), ("May 5", "2021-05-05")],
    );
    // Two years that do not follow on: two months.
    assert_starts(
        "between March 2019 and May 2021",
        Some("2021-09-01"),
        &[("March 2019", "2019-03-01"), ("May 2021", "2021-05-01")],
    );
    // "In March, April ...": no word joins them.
    assert_starts(
        "In March, April Smith won.",
        Some("2021-09-01"),
        &[("March", "2021-03-01")],
    );
}

#[test]
fn a_date_naming_a_sudden_happening_is_past() {
    // Two months ahead is nearer than ten months back, but an earthquake is told after it
    // struck, whatever the tense around it.
    for text in [
        "Families have lived in tents since the January 12 earthquake.",
        "The town was destroyed in the January 12 quake.",
        "Prices rose after a January 12 bombing in the market.",
    ] {
        assert_one(
            text,
            "2010-11-09",
            "January 12",
            "2010-01-12",
            "2010-01-12",
            Day,
        );
    }
    // A meeting or a vote is announced ahead: the nearer day, as before.
    assert_one(
        "The council prepares for the January 12 vote.",
        "2010-11-09",
        "January 12",
        "2011-01-12",
        "2011-01-12",
        Day,
    );
    // Without its article the date is no name of the happening ("on January 12 attacks
    // ..." is read by the clause).
    assert_one(
        "Leaders will meet on January 12.",
        "2010-11-09",
        "January 12",
        "2011-01-12",
        "2011-01-12",
        Day,
    );
}

#[test]
fn since_the_date_of_a_named_thing_is_past() {
    assert_one(
        "Talks have stalled since the January 12 vote.",
        "2010-11-09",
        "January 12",
        "2010-01-12",
        "2010-01-12",
        Day,
    );
}

#[test]
fn a_month_followed_by_last_year_is_that_month_of_last_year() {
    assert_one(
        "in October last year",
        "2020-02-19",
        "October last year",
        "2019-10-01",
        "2019-10-31",
        Month,
    );
}

#[test]
fn last_year_in_october_is_october_of_last_year() {
    assert_one(
        "Last year, in October, Putin",
        "2020-02-19",
        "Last year, in October",
        "2019-10-01",
        "2019-10-31",
        Month,
    );
}

// ---- weekdays --------------------------------------------------------------------------------

#[test]
fn a_weekday_is_the_latest_such_day_before_publication() {
    // 2019-05-08 is a Wednesday.
    assert_one(
        "said on Tuesday he",
        "2019-05-08",
        "Tuesday",
        "2019-05-07",
        "2019-05-07",
        Day,
    );
    // 2019-04-28 is a Sunday.
    assert_one(
        "On Wednesday, Khairi",
        "2019-04-28",
        "Wednesday",
        "2019-04-24",
        "2019-04-24",
        Day,
    );
}

#[test]
fn a_weekday_takes_the_tense_of_its_own_verb_not_of_a_relative_clause_before_it() {
    // 2021-03-08 is a Monday: a present "Tuesday" would be the next day.
    assert_one(
        "Norway, which says the treaty ignores its fishermen, on Tuesday recalled its envoy.",
        "2021-03-08",
        "Tuesday",
        "2021-03-02",
        "2021-03-02",
        Day,
    );
    // A past verb right after the date is its verb, whatever the clause before says.
    assert_one(
        "The council is weighing the plan and on Tuesday approved a loan.",
        "2021-03-08",
        "Tuesday",
        "2021-03-02",
        "2021-03-02",
        Day,
    );
}

#[test]
fn a_weekday_equal_to_the_publication_weekday_is_the_publication_day() {
    assert_one(
        "here on Friday.",
        "2019-04-19",
        "Friday",
        "2019-04-19",
        "2019-04-19",
        Day,
    );
}

#[test]
fn next_weekday_is_forward_and_last_weekday_is_strictly_before() {
    assert_one(
        "next Tuesday",
        "2019-05-08",
        "next Tuesday",
        "2019-05-14",
        "2019-05-14",
        Day,
    );
    assert_one(
        "last Wednesday",
        "2019-05-08",
        "last Wednesday",
        "2019-05-01",
        "2019-05-01",
        Day,
    );
}

#[test]
fn a_weekday_followed_by_a_date_is_one_mention_meaning_the_date() {
    assert_one(
        "on Tuesday, April 9, the",
        "2019-05-08",
        "Tuesday, April 9",
        "2019-04-09",
        "2019-04-09",
        Day,
    );
}

// ---- deictic and relative --------------------------------------------------------------------

#[test]
fn today_tonight_and_this_morning_are_the_publication_day() {
    let found = tag("today, tonight and this morning", Some("2019-05-08"));
    let surfaces: Vec<_> = found.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(surfaces, ["today", "tonight", "this morning"]);
    assert!(
        found
            .iter()
            .all(|m| m.1 == "2019-05-08" && m.2 == "2019-05-08")
    );
}

#[test]
fn yesterday_is_the_day_before_and_tomorrow_the_day_after() {
    assert_one(
        "Yesterday,",
        "2019-05-01",
        "Yesterday",
        "2019-04-30",
        "2019-04-30",
        Day,
    );
    assert_one(
        "tomorrow.",
        "2019-04-30",
        "tomorrow",
        "2019-05-01",
        "2019-05-01",
        Day,
    );
}

#[test]
fn last_night_is_the_day_before() {
    assert_one(
        "clashes last night",
        "2019-05-01",
        "last night",
        "2019-04-30",
        "2019-04-30",
        Day,
    );
}

#[test]
fn last_week_is_the_previous_monday_to_sunday_week() {
    assert_one(
        "Geekie, last week.",
        "2019-04-28",
        "last week",
        "2019-04-15",
        "2019-04-21",
        Week,
    );
}

#[test]
fn this_week_is_the_week_of_publication() {
    assert_one(
        "this week",
        "2019-04-24",
        "this week",
        "2019-04-22",
        "2019-04-28",
        Week,
    );
}

#[test]
fn last_month_is_the_previous_calendar_month() {
    assert_one(
        "last month",
        "2019-03-31",
        "last month",
        "2019-02-01",
        "2019-02-28",
        Month,
    );
}

#[test]
fn last_year_is_the_previous_calendar_year() {
    assert_one(
        "last year.",
        "2020-02-19",
        "last year",
        "2019-01-01",
        "2019-12-31",
        Year,
    );
}

#[test]
fn n_nights_ago_is_that_day() {
    assert_one(
        "Two nights ago, a",
        "2019-04-28",
        "Two nights ago",
        "2019-04-26",
        "2019-04-26",
        Day,
    );
}

#[test]
fn n_days_ago_is_that_day() {
    assert_one(
        "three days ago",
        "2019-04-28",
        "three days ago",
        "2019-04-25",
        "2019-04-25",
        Day,
    );
    assert_one(
        "10 days ago",
        "2019-04-28",
        "10 days ago",
        "2019-04-18",
        "2019-04-18",
        Day,
    );
}

#[test]
fn a_week_ago_is_the_day_a_week_before() {
    assert_one(
        "a week ago",
        "2019-04-28",
        "a week ago",
        "2019-04-21",
        "2019-04-21",
        Day,
    );
}

#[test]
fn the_past_two_weeks_is_a_span_ending_at_publication() {
    assert_one(
        "in the past two weeks,",
        "2019-04-19",
        "the past two weeks",
        "2019-04-05",
        "2019-04-19",
        Span,
    );
}

#[test]
fn the_next_or_coming_days_are_a_span_from_publication() {
    assert_one(
        "a vote in the next two weeks,",
        "2019-04-19",
        "the next two weeks",
        "2019-04-19",
        "2019-05-03",
        Span,
    );
    let vague = |text: &str| {
        tag_dates(text, Some(ymd("2019-04-19")))
            .iter()
            .map(|m| (text[m.start..m.end].to_string(), m.interval.from, m.vague))
            .collect::<Vec<_>>()
    };
    for (text, surface) in [
        (
            "The board will decide in the coming weeks.",
            "the coming weeks",
        ),
        ("Talks resume over the coming days.", "the coming days"),
        (
            "A ruling is due in the next few months.",
            "the next few months",
        ),
    ] {
        assert_eq!(
            vague(text),
            [(surface.to_string(), ymd("2019-04-19"), true)]
        );
    }
    // Told after a time well before publication, the stretch runs from then: no date for it.
    assert_eq!(
        vague("In January, the king promised a visit in the coming days.")
            .iter()
            .map(|m| m.0.as_str())
            .collect::<Vec<_>>(),
        ["January"]
    );
    // Nor is a stretch of something named.
    assert!(vague("It slowed in the next two weeks of talks.").is_empty());
    assert!(vague("He came in the coming of spring.").is_empty());
}

#[test]
fn the_last_ten_days_is_a_span_ending_at_publication() {
    assert_one(
        "over the last 10 days",
        "2019-04-19",
        "the last 10 days",
        "2019-04-09",
        "2019-04-19",
        Span,
    );
}

#[test]
fn the_last_week_of_a_month_is_not_a_rolling_period() {
    assert_one(
        "the last week of April",
        "2019-05-19",
        "April",
        "2019-04-01",
        "2019-04-30",
        Month,
    );
}

#[test]
fn earlier_or_later_this_month_is_the_month() {
    assert_one(
        "earlier this month",
        "2019-04-19",
        "earlier this month",
        "2019-04-01",
        "2019-04-30",
        Month,
    );
    assert_one(
        "later this year",
        "2019-04-19",
        "later this year",
        "2019-01-01",
        "2019-12-31",
        Year,
    );
}

#[test]
fn early_mid_and_late_month_are_thirds_of_the_month() {
    assert_one(
        "in early April after",
        "2019-04-28",
        "early April",
        "2019-04-01",
        "2019-04-10",
        Span,
    );
    assert_one(
        "since mid-April",
        "2019-04-28",
        "mid-April",
        "2019-04-11",
        "2019-04-20",
        Span,
    );
    assert_one(
        "in late February",
        "2020-03-28",
        "late February",
        "2020-02-21",
        "2020-02-29",
        Span,
    );
}

#[test]
fn early_in_a_year_is_its_first_four_months() {
    assert_one(
        "in early 2019",
        "2020-03-28",
        "early 2019",
        "2019-01-01",
        "2019-04-30",
        Span,
    );
}

#[test]
fn mid_year_with_a_hyphen_is_may_to_august() {
    assert_one(
        "until mid-2020",
        "2019-03-28",
        "mid-2020",
        "2020-05-01",
        "2020-08-31",
        Span,
    );
}

#[test]
fn a_dateline_date_is_a_day_mention() {
    assert_one(
        "ROME, April 19 (Xinhua) -- Italy",
        "2019-04-19",
        "April 19",
        "2019-04-19",
        "2019-04-19",
        Day,
    );
    assert_one(
        "Pratica di Mare (Italy), May 8 (IANS/AKI): Italian",
        "2019-05-08",
        "May 8",
        "2019-05-08",
        "2019-05-08",
        Day,
    );
}

// ---- tense and direction ---------------------------------------------------------------------

#[test]
fn a_weekday_in_a_past_clause_is_the_latest_and_in_a_future_clause_the_next() {
    // Friday 7 January 2000.
    assert_one(
        "the talks ended on Wednesday",
        "2000-01-07",
        "Wednesday",
        "2000-01-05",
        "2000-01-05",
        Day,
    );
    assert_one(
        "prices are expected to peak on Wednesday",
        "2000-01-07",
        "Wednesday",
        "2000-01-12",
        "2000-01-12",
        Day,
    );
    assert_one(
        "the envoy will arrive Monday",
        "2020-01-13",
        "Monday",
        "2020-01-13",
        "2020-01-13",
        Day,
    );
    // A forecast "for" a day is of a day to come, though told in the past tense.
    assert_one(
        "showers were forecast for Friday",
        "2009-03-31",
        "Friday",
        "2009-04-03",
        "2009-04-03",
        Day,
    );
}

#[test]
fn a_weekday_without_a_tense_word_is_the_nearer_one_a_coming_day_counting_double() {
    // Friday 10 May 2019: Sunday is two days ahead (counted 4) and five back: ahead.
    assert_one(
        "a summit of the two leaders Sunday in Oslo",
        "2019-05-10",
        "Sunday",
        "2019-05-12",
        "2019-05-12",
        Day,
    );
    // Monday is three days ahead (counted 6) and four back: back.
    assert_one(
        "a summit of the two leaders Monday in Oslo",
        "2019-05-10",
        "Monday",
        "2019-05-06",
        "2019-05-06",
        Day,
    );
    // A past tense word keeps it back, however near the next one is.
    assert_one(
        "the two leaders met Sunday in Oslo",
        "2019-05-10",
        "Sunday",
        "2019-05-05",
        "2019-05-05",
        Day,
    );
}

#[test]
fn a_weekday_of_a_trip_or_meeting_told_in_the_present_is_to_come() {
    // Thursday 2 May 2019: Tuesday is five days ahead and two back; told in the present, a
    // trip or a meeting is planned.
    for text in [
        "Conte travels to Varnholm on Tuesday",
        "On Tuesday Conte flies to Varnholm",
        "The two leaders meet Tuesday in Varnholm",
        "Varnholm hosts the summit on Tuesday",
    ] {
        assert_one(
            text,
            "2019-05-02",
            "Tuesday",
            "2019-05-07",
            "2019-05-07",
            Day,
        );
    }
    // Not a noun of the same form, nor a verb in the past.
    for text in [
        "his visits to Varnholm on Tuesday",
        "Conte flew to Varnholm on Tuesday",
        "a trip to Varnholm on Tuesday and its returns",
        "Varnholm said on Tuesday it would not attend",
    ] {
        assert_one(
            text,
            "2019-05-02",
            "Tuesday",
            "2019-04-30",
            "2019-04-30",
            Day,
        );
    }
    // A past verb of another clause of the sentence does not keep it back.
    for text in [
        "On Tuesday Conte flies to Varnholm; he met its mayor in Dorley in March.",
        "On Tuesday the president meets opposition leaders in Varnholm; he met them in March.",
        "On Tuesday he flies to Varnholm; he was in Dorley in March.",
    ] {
        assert_starts(
            text,
            Some("2019-05-02"),
            &[("Tuesday", "2019-05-07"), ("March", "2019-03-01")],
        );
    }
    // Wednesday 1 May 2019: the day before publication told in the present is a caption's.
    assert_one(
        "The coach meets the press Tuesday in Varnholm",
        "2019-05-01",
        "Tuesday",
        "2019-04-30",
        "2019-04-30",
        Day,
    );
}

#[test]
fn a_day_a_match_is_put_off_until_is_to_come_after_a_clock_time_too() {
    // Friday 22 March 2013.
    assert_one(
        "the qualifier has been postponed until 15:00 GMT Saturday",
        "2013-03-22",
        "15:00 GMT Saturday",
        "2013-03-23",
        "2013-03-23",
        Day,
    );
}

#[test]
fn a_verb_spelled_as_its_past_after_to_is_no_past() {
    // Sunday 10 November 2013: "to hit" is an infinitive; "expected" sends Monday forward.
    assert_one(
        "The storm is expected to hit Vietnam on Monday",
        "2013-11-10",
        "Monday",
        "2013-11-11",
        "2013-11-11",
        Day,
    );
    assert_one(
        "The storm hit Vietnam on Monday",
        "2013-11-10",
        "Monday",
        "2013-11-04",
        "2013-11-04",
        Day,
    );
}

#[test]
fn a_day_a_happening_is_set_for_in_the_present_is_to_come() {
    // Sunday 5 May 2019: Friday is two days back, but "is on Friday" is the Friday to come.
    for text in [
        "The quarter-final is on Friday",
        "the vote takes place on Friday",
        "the book fair opens Friday in Leipzig",
        "the talks resume on Friday",
    ] {
        assert_one(
            text,
            "2019-05-05",
            "Friday",
            "2019-05-10",
            "2019-05-10",
            Day,
        );
    }
    // In the past, or without a verb of a set time, it stays the nearer day.
    assert_one(
        "The quarter-final was on Friday",
        "2019-05-05",
        "Friday",
        "2019-05-03",
        "2019-05-03",
        Day,
    );
    assert_one(
        "a summit of the two leaders Friday in Oslo",
        "2019-05-05",
        "Friday",
        "2019-05-03",
        "2019-05-03",
        Day,
    );
}

#[test]
fn the_same_weekday_name_is_the_same_day_within_a_text() {
    let found = tag(
        "He said on Tuesday that talks would go on. They travel to Berlin later on Tuesday.",
        Some("2019-05-08"),
    );
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|m| m.1 == "2019-05-07"), "{found:?}");
}

#[test]
fn a_weekday_told_by_a_saying_dated_in_its_sentence_is_of_the_saying_s_week() {
    // Published Thursday 2020-03-12; the saying was on Monday 2020-03-02.
    let p = Some("2020-03-12");
    assert_starts(
        "On Monday, March 2, the mayor said the ferry had sunk on Friday.",
        p,
        &[("Monday, March 2", "2020-03-02"), ("Friday", "2020-02-28")],
    );
    assert_starts(
        "The mayor said on March 2 that the ferry would sail on Wednesday.",
        p,
        &[("March 2", "2020-03-02"), ("Wednesday", "2020-03-04")],
    );
    assert_starts(
        "On 2 March, the port authority said the ferry left on Sunday.",
        p,
        &[("2 March", "2020-03-02"), ("Sunday", "2020-03-01")],
    );
    // Not a day of saying: the ferry's own date; nor a saying in another sentence.
    assert_starts(
        "The mayor said the ferry sank on March 2 and was raised on Friday.",
        p,
        &[("March 2", "2020-03-02"), ("Friday", "2020-03-06")],
    );
    assert_starts(
        "The mayor said on March 2 that the port was shut. The ferry sank on Friday.",
        p,
        &[("March 2", "2020-03-02"), ("Friday", "2020-03-06")],
    );
}

#[test]
fn a_weekday_goes_the_way_most_of_its_clauses_send_it() {
    // Friday 7 January 2000: "would" before the first Wednesday, past verbs right before the
    // others; a possessive's clause is another's ("get around Wednesday's ruling").
    let found = tag(
        "His relatives said they would look for ways to get around Wednesday's ruling. Cuba \
         predicted Wednesday that exiles would resist. Since the decision was announced \
         Wednesday, they have appealed.",
        Some("2000-01-07"),
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.iter().all(|m| m.1 == "2000-01-05"), "{found:?}");
    // One clause with a tense word against none: that clause decides.
    let found = tag(
        "The council meets Monday. The mayor will present the budget on Monday.",
        Some("2019-05-10"),
    );
    assert!(found.iter().all(|m| m.1 == "2019-05-13"), "{found:?}");
}

#[test]
fn a_measure_or_forecast_in_force_until_a_weekday_runs_to_a_day_to_come() {
    // Wednesday 11 March 2020.
    for text in [
        "The mayor imposed a dusk-to-dawn curfew through Saturday.",
        "Forecasters have predicted snow on the passes till Saturday.",
        "The county, which declared an emergency until Saturday, closed schools.",
    ] {
        assert_one(
            text,
            "2020-03-11",
            "Saturday",
            "2020-03-14",
            "2020-03-14",
            Day,
        );
    }
    // A spell that was over by then stays past.
    assert_one(
        "The curfew lasted until Saturday.",
        "2020-03-11",
        "Saturday",
        "2020-03-07",
        "2020-03-07",
        Day,
    );
}

#[test]
fn arranging_putting_off_and_the_passive_point_the_way_of_the_date() {
    // Thursday 30 March 2000.
    assert_one(
        "officials postponed until Tuesday morning any action on the case",
        "2000-03-30",
        "Tuesday morning",
        "2000-04-04",
        "2000-04-04",
        Day,
    );
    // Wednesday 5 May 1999.
    assert_one(
        "the prosecutor has scheduled a news conference Thursday",
        "1999-05-05",
        "Thursday",
        "1999-05-06",
        "1999-05-06",
        Day,
    );
    // Friday 7 January 2000.
    assert_one(
        "protesters planned a large demonstration on Saturday",
        "2000-01-07",
        "Saturday",
        "2000-01-08",
        "2000-01-08",
        Day,
    );
    // "plans for" is a noun: the clause's past tense decides.
    assert_one(
        "On Friday, when she set aside vacation plans for the hastily planned trip, she flew.",
        "1998-08-17",
        "Friday",
        "1998-08-14",
        "1998-08-14",
        Day,
    );
    // A participle after "is" is passive: the present auxiliary decides, and May is the next.
    assert_one(
        "they may lose when the case is heard in May",
        "2000-03-29",
        "May",
        "2000-05-01",
        "2000-05-31",
        Month,
    );
    // "a planned visit" stays no tense word: the past verb decides.
    assert_one(
        "a memorial service planned at the university for Saturday was canceled",
        "1999-10-24",
        "Saturday",
        "1999-10-23",
        "1999-10-23",
        Day,
    );
}

#[test]
fn the_same_period_of_a_year_named_after_it_is_of_that_year() {
    // Tuesday 10 December 2019.
    assert_starts(
        "Exports fell in the third quarter, compared with the same period of 2018.",
        Some("2019-12-10"),
        &[
            ("the third quarter", "2019-07-01"),
            ("the same period of 2018", "2018-07-01"),
        ],
    );
    assert_starts(
        "Sales rose in November, up from the same month last year.",
        Some("2019-12-10"),
        &[
            ("November", "2019-11-01"),
            ("the same month last year", "2018-11-01"),
        ],
    );
    assert_starts(
        "Sales rose in November, up from the same month a year earlier.",
        Some("2019-12-10"),
        &[
            ("November", "2019-11-01"),
            ("the same month a year earlier", "2018-11-01"),
        ],
    );
    // "Last year" of a month of the year before the publication's: a year before that month.
    assert_starts(
        "Sales fell in December, down from the same month last year.",
        Some("2021-01-14"),
        &[
            ("December", "2020-12-01"),
            ("the same month last year", "2019-12-01"),
        ],
    );
    // "The first nine months": January to September, and the same months of 2018.
    assert_starts(
        "Sales rose in the first nine months from the same period in 2018.",
        Some("2019-12-10"),
        &[
            ("the first nine months", "2019-01-01"),
            ("the same period in 2018", "2018-01-01"),
        ],
    );
    assert_starts(
        "Cases rose in the first two months of 2008.",
        Some("2019-12-10"),
        &[
            ("the first two months", "2008-01-01"),
            ("2008", "2008-01-01"),
        ],
    );
    assert_starts(
        "Sales fell during the first two months of the year.",
        Some("2009-03-23"),
        &[
            ("the first two months", "2009-01-01"),
            ("the year", "2009-01-01"),
        ],
    );
    // The first months of something else.
    assert_none(
        "Fighting eased in the first three months of the war.",
        "2019-12-10",
    );
    // With no date before it: that year, not the publication's day a year back.
    assert_starts(
        "Fires have risen 84 percent over the same period last year.",
        Some("2019-08-25"),
        &[("the same period last year", "2018-01-01")],
    );
    // Without a year after it: the reference's own.
    assert_starts(
        "Sales rose in November and fell over the same period.",
        Some("2019-12-10"),
        &[
            ("November", "2019-11-01"),
            ("the same period", "2019-11-01"),
        ],
    );
}

#[test]
fn a_day_after_a_past_verb_and_its_object_or_place_is_the_one_past() {
    // Thursday 2 May 2019: August 9 within a hundred days ahead, but the verb governs it.
    for text in [
        "Troops took Gao on August 9.",
        "A car bomb exploded in Kabul on August 9.",
        "Voters went to the polls on August 9.",
    ] {
        assert_one(
            text,
            "2019-05-02",
            "August 9",
            "2018-08-09",
            "2018-08-09",
            Day,
        );
    }
    // A verb that sets a time, or a date that is another's: still the one to come.
    for text in [
        "The party announced a rally on August 9.",
        "The board declared a dividend payable on August 9.",
        "The bank will redeem its Series B preferred shares on August 9.",
    ] {
        assert_one(
            text,
            "2019-05-02",
            "August 9",
            "2019-08-09",
            "2019-08-09",
            Day,
        );
    }
}

#[test]
fn a_month_a_plan_was_made_for_in_a_past_clause_is_the_one_begun() {
    // Tuesday 10 December 2019: a plan told in the past is of the April before, not the next.
    for text in [
        "The summit in Arvale was planned for April but was cancelled.",
        "The talks planned for April in Arvale had been cancelled.",
        "The concert in Arvale, set for April, was cancelled.",
    ] {
        assert_one(
            text,
            "2019-12-10",
            "April",
            "2019-04-01",
            "2019-04-30",
            Month,
        );
    }
    // A plan still to come: the next April.
    assert_one(
        "The talks planned for April in Arvale will go ahead.",
        "2019-12-10",
        "April",
        "2020-04-01",
        "2020-04-30",
        Month,
    );
    assert_one(
        "Talks are planned for April in Arvale.",
        "2019-12-10",
        "April",
        "2020-04-01",
        "2020-04-30",
        Month,
    );
}

#[test]
fn a_title_before_a_full_stop_does_not_end_the_sentence_for_the_tense() {
    // Sunday 25 October 1998: the past verb after "Roe vs. Wade" is in the same sentence.
    assert_one(
        "In January, a week after the anniversary of Roe vs. Wade, a clinic was bombed.",
        "1998-10-25",
        "January",
        "1998-01-01",
        "1998-01-31",
        Month,
    );
}

#[test]
fn a_year_before_a_singular_noun_after_a_is_that_year_and_a_model_year_is_none() {
    assert_one(
        "A 1996 law named for him tightened the embargo.",
        "2000-01-07",
        "1996",
        "1996-01-01",
        "1996-12-31",
        Year,
    );
    assert_one(
        "violations stemming from a 2002 campaign",
        "2009-03-23",
        "2002",
        "2002-01-01",
        "2002-12-31",
        Year,
    );
    // Singulars in "-is" and "-us" are no plurals.
    for text in [
        "pointing to a 2009 analysis by the budget office",
        "figures from a 2009 census of the valley",
    ] {
        assert_one(text, "2013-03-22", "2009", "2009-01-01", "2009-12-31", Year);
    }
    assert_none("a 1500 percent rise in prices", "2009-03-23");
    assert_none("driving a 2003 pickup west of town", "2009-03-24");
    assert_none("A 1993 brown Cadillac was traveling south", "2009-03-31");
    assert_none("Kopp's 1987 Chevrolet Cavalier was found", "1999-01-22");
    // Such a year describes a thing: "the time" after it is still the publication day.
    let found = tag(
        "Butler, a 2000 graduate of the high school, was home at the time of the fire.",
        Some("2009-03-24"),
    );
    assert_eq!(found[0].0, "2000", "{found:?}");
    assert!(found[1..].iter().all(|m| m.1 == "2009-03-24"), "{found:?}");
    let without = tag(
        "Butler, a graduate of the high school, was home at the time of the fire.",
        Some("2009-03-24"),
    );
    assert_eq!(found[1..], without[..], "{found:?}");
}

#[test]
fn a_second_day_after_and_is_a_day_of_the_same_month() {
    let found = tag(
        "at the summit on April 24 and 25, and at 8 p.m. May 1 or 2.",
        Some("1999-02-10"),
    );
    let days: Vec<&str> = found.iter().map(|m| m.1.as_str()).collect();
    assert_eq!(
        days,
        ["1999-04-24", "1999-04-25", "1999-05-01", "1999-05-02"],
        "{found:?}"
    );
    // Not a count after the date.
    let found = tag("on April 24 and 25 people were hurt", Some("1999-02-10"));
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_bare_month_is_the_nearest_occurrence_unless_the_tense_says_otherwise() {
    // "April" in a January article is this April, not last year's.
    assert_one(
        "elections in April",
        "2020-01-15",
        "April",
        "2020-04-01",
        "2020-04-30",
        Month,
    );
    assert_one(
        "the vote was held in December",
        "2020-01-15",
        "December",
        "2019-12-01",
        "2019-12-31",
        Month,
    );
    assert_one(
        "the summit will take place in December",
        "2020-03-15",
        "December",
        "2020-12-01",
        "2020-12-31",
        Month,
    );
}

#[test]
fn last_or_next_month_name_skips_the_month_next_to_publication() {
    assert_one(
        "two helicopters crashed last February.",
        "1998-03-01",
        "last February",
        "1997-02-01",
        "1997-02-28",
        Month,
    );
    assert_one(
        "the attack last January",
        "1998-03-01",
        "last January",
        "1998-01-01",
        "1998-01-31",
        Month,
    );
    assert_one(
        "elections next April",
        "1998-03-01",
        "next April",
        "1999-04-01",
        "1999-04-30",
        Month,
    );
    assert_one(
        "elections next May",
        "1998-03-01",
        "next May",
        "1998-05-01",
        "1998-05-31",
        Month,
    );
}

#[test]
fn a_coming_date_in_a_past_clause_stays_in_the_publication_year() {
    assert_one(
        "declared a dividend payable Dec. 15 to holders",
        "1989-10-26",
        "Dec. 15",
        "1989-12-15",
        "1989-12-15",
        Day,
    );
}

#[test]
fn a_month_in_a_past_clause_has_begun_by_publication_unless_an_infinitive_or_deadline_governs_it() {
    // A past verb: the February before an October article, not the coming one.
    assert_one(
        "Since KKR bought RJR in February for $25 billion",
        "1989-10-30",
        "February",
        "1989-02-01",
        "1989-02-28",
        Month,
    );
    // An infinitive between the verb and the month: the coming one.
    assert_one(
        "which agreed to purchase the line in February",
        "1989-10-30",
        "February",
        "1990-02-01",
        "1990-02-28",
        Month,
    );
    // A deadline after a past verb may lie ahead.
    assert_one(
        "has extended the loans through January",
        "1989-10-30",
        "January",
        "1990-01-01",
        "1990-01-31",
        Month,
    );
}

#[test]
fn a_past_verb_right_before_a_day_dates_it_in_the_past() {
    assert_one(
        "In the fiscal year ended Jan. 31, the company",
        "1989-10-31",
        "Jan. 31",
        "1989-01-31",
        "1989-01-31",
        Day,
    );
    // Not a direction preposition: "extended to Nov. 20" may lie ahead.
    assert_one(
        "extended to Nov. 20 its offer",
        "1989-11-02",
        "Nov. 20",
        "1989-11-20",
        "1989-11-20",
        Day,
    );
}

#[test]
fn a_participle_between_an_article_and_its_noun_is_no_tense_even_after_an_adverb() {
    // "unspecified" modifies "date": "would" decides, and the January ahead is meant.
    assert_one(
        "the bonus would be paid on a still unspecified date in January",
        "2021-10-26",
        "January",
        "2022-01-01",
        "2022-01-31",
        Month,
    );
    assert_one(
        "the grant will fund a newly created post in January",
        "2021-10-26",
        "January",
        "2022-01-01",
        "2022-01-31",
        Month,
    );
}

#[test]
fn an_irregular_participle_in_the_passive_leaves_the_tense_to_its_auxiliary() {
    // "paid" after "be" is no past tense: "will" decides.
    assert_one(
        "The dividend will be paid on Wednesday",
        "2000-01-07",
        "Wednesday",
        "2000-01-12",
        "2000-01-12",
        Day,
    );
}

// ---- years, decades, quarters, seasons -------------------------------------------------------

#[test]
fn year_end_apart_or_possessive_is_the_last_day_of_the_year() {
    for (text, surface) in [
        ("cut 900 jobs by year end, it said", "year end"),
        ("should be in place by year's end.", "year's end"),
        ("expects to close around year-end", "year-end"),
    ] {
        assert_one(text, "2021-03-04", surface, "2021-12-31", "2021-12-31", Day);
    }
    assert_one(
        "its debt has doubled since year end",
        "2021-03-04",
        "year end",
        "2020-12-31",
        "2020-12-31",
        Day,
    );
    // "the year ended": no end of a year, the words of a fiscal period.
    assert_none("in the year ended in loss", "2021-03-04");
}

#[test]
fn in_n_units_in_a_future_clause_is_that_many_units_ahead() {
    assert_one(
        "the notes will be repaid in five years, it said",
        "2021-03-04",
        "five years",
        "2026-01-01",
        "2026-12-31",
        Year,
    );
    assert_one(
        "the bridge would reopen in two months",
        "2021-03-04",
        "two months",
        "2021-05-01",
        "2021-05-31",
        Month,
    );
    // A span back, or a clause that is not future: no date.
    assert_none(
        "prices will post the first rise in five years",
        "2021-03-04",
    );
    assert_none("prices fell in two years from their peak", "2021-03-04");
}

#[test]
fn a_month_name_modifying_a_noun_is_that_month() {
    assert_one(
        "it acted under a June agreement with the union",
        "2021-10-27",
        "June",
        "2021-06-01",
        "2021-06-30",
        Month,
    );
    // A name, or "May" (a name and a modal too often).
    assert_none("a June Carter song", "2021-10-27");
    assert_none("the May government fell", "2021-10-27");
}

#[test]
fn decades_and_centuries_are_spans() {
    assert_one(
        "since the 1990s",
        "2019-05-08",
        "1990s",
        "1990-01-01",
        "1999-12-31",
        Span,
    );
    assert_one(
        "in the '80s",
        "2019-05-08",
        "'80s",
        "1980-01-01",
        "1989-12-31",
        Span,
    );
    assert_one(
        "the 20th century",
        "2019-05-08",
        "20th century",
        "1901-01-01",
        "2000-12-31",
        Span,
    );
}

#[test]
fn a_year_in_words_is_that_year() {
    assert_one(
        "in nineteen ninety-six",
        "1998-02-01",
        "nineteen ninety-six",
        "1996-01-01",
        "1996-12-31",
        Year,
    );
}

#[test]
fn a_year_in_words_opens_with_any_of_its_words_in_any_case() {
    // `spelled_year` asks the first token's meaning before its words: each word that opens a
    // year in words has a meaning it lets through.
    for word in ["eighteen", "nineteen", "two", "twenty"] {
        let capitalised = format!("{}{}", word[..1].to_ascii_uppercase(), &word[1..]);
        for w in [word.to_owned(), word.to_ascii_uppercase(), capitalised] {
            assert!(
                matches!(lexer::classify(&w), Lex::Century19 | Lex::Count(2 | 20)),
                "{w}"
            );
        }
    }
    for (text, year) in [
        ("in Eighteen hundred", "1800"),
        ("in NINETEEN ninety-six", "1996"),
        ("in two thousand and five", "2005"),
        ("in Twenty twelve", "2012"),
    ] {
        assert_starts(
            text,
            Some("2020-06-01"),
            &[(&text[3..], &format!("{year}-01-01"))],
        );
    }
    assert!(tag("in a hundred ninety-six", Some("2020-06-01")).is_empty());
}

#[test]
fn a_year_in_words_completes_a_month_a_season_or_a_date() {
    assert_one(
        "January nineteen ninety-seven. Atlanta again.",
        "1998-02-27",
        "January nineteen ninety-seven",
        "1997-01-01",
        "1997-01-31",
        Month,
    );
    assert_one(
        "the level we saw in the winter of nineteen ninety-four.",
        "1998-02-23",
        "the winter of nineteen ninety-four",
        "1994-12-01",
        "1995-02-28",
        Span,
    );
    assert_one(
        "on March eighth, nineteen ninety-eight",
        "1998-03-01",
        "March eighth, nineteen ninety-eight",
        "1998-03-08",
        "1998-03-08",
        Day,
    );
}

#[test]
fn a_day_in_words_after_a_month_is_that_day_but_not_an_ordinal_period() {
    assert_one(
        "is this coming Sunday, March eighth.",
        "1998-03-05",
        "Sunday, March eighth",
        "1998-03-08",
        "1998-03-08",
        Day,
    );
    assert_one(
        "on May twenty-first",
        "1998-03-05",
        "May twenty-first",
        "1998-05-21",
        "1998-05-21",
        Day,
    );
    // "second" counts the quarter here, it is no day of April.
    assert_eq!(
        tag("in April second-quarter sales fell", Some("1998-05-05"))[0].0,
        "April"
    );
}

#[test]
fn for_over_and_into_introduce_a_bare_month_or_season() {
    assert_one(
        "The job figures for January extended a surge",
        "1998-02-06",
        "January",
        "1998-01-01",
        "1998-01-31",
        Month,
    );
    assert_one(
        "Over the summer, competitors offered discounts",
        "1989-10-26",
        "the summer",
        "1989-06-01",
        "1989-08-31",
        Span,
    );
    assert_one(
        "made it difficult to meet demand well into the summer.",
        "1989-10-26",
        "the summer",
        "1989-06-01",
        "1989-08-31",
        Span,
    );
    // Still no date: a bare month name without such a word.
    assert_none("the report, said May Smith, was late", "1989-10-26");
}

#[test]
fn quarters_are_the_latest_begun_and_take_a_written_year() {
    assert_one(
        "third-quarter profit rose",
        "1989-10-26",
        "third-quarter",
        "1989-07-01",
        "1989-09-30",
        Span,
    );
    assert_one(
        "in the fourth quarter",
        "1990-01-20",
        "the fourth quarter",
        "1989-10-01",
        "1989-12-31",
        Span,
    );
    assert_one(
        "the first quarter of 1990",
        "1989-10-26",
        "the first quarter of 1990",
        "1990-01-01",
        "1990-03-31",
        Span,
    );
    assert_one(
        "in the first half",
        "1989-10-26",
        "the first half",
        "1989-01-01",
        "1989-06-30",
        Span,
    );
}

#[test]
fn a_year_earlier_after_a_quarter_is_that_quarter_a_year_back() {
    let found = tag(
        "Third-quarter net rose to $5 million from $4 million a year earlier.",
        Some("1989-10-26"),
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        (
            found[1].0.as_str(),
            found[1].1.as_str(),
            found[1].2.as_str()
        ),
        ("a year earlier", "1988-07-01", "1988-09-30")
    );
    // A quarter a year back, also when no quarter was named: the one last over.
    assert_one(
        "in the year-earlier quarter",
        "1989-10-26",
        "the year-earlier quarter",
        "1988-07-01",
        "1988-09-30",
        Span,
    );
    let found = tag(
        "a loss for the quarter ended Sept. 30. Coast earned $10 million in the year-ago quarter.",
        Some("1989-11-01"),
    );
    assert_eq!(
        (
            found[2].0.as_str(),
            found[2].1.as_str(),
            found[2].2.as_str()
        ),
        ("the year-ago quarter", "1988-07-01", "1988-09-30"),
        "{found:?}"
    );
}

#[test]
fn a_comparison_skips_a_forecast_named_in_between() {
    let found = tag(
        "posted a drop in third-quarter profit. Analysts expect losses through the third \
         quarter of 1990. In the year-ago period, it earned $101 million.",
        Some("1989-10-26"),
    );
    let last = found.last().expect("mentions");
    assert_eq!(
        (last.0.as_str(), last.1.as_str(), last.2.as_str()),
        ("the year-ago period", "1988-07-01", "1988-09-30"),
        "{found:?}"
    );
}

#[test]
fn a_year_with_quarter_or_period_is_a_quarter_even_before_one_is_named() {
    assert_one(
        "Kirschner earned $376,000 in the 1988 quarter.",
        "1989-10-30",
        "1988 quarter",
        "1988-07-01",
        "1988-09-30",
        Span,
    );
}

#[test]
fn a_quarter_with_a_year_ago_is_one_comparison() {
    assert_one(
        "National Intergroup in the year-ago third quarter earned $22.5 million",
        "1989-10-30",
        "the year-ago third quarter",
        "1988-07-01",
        "1988-09-30",
        Span,
    );
    let found = tag(
        "a loss for the third quarter. For the quarter a year ago, it earned $16 million.",
        Some("1989-10-26"),
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        (
            found[1].0.as_str(),
            found[1].1.as_str(),
            found[1].2.as_str()
        ),
        ("the quarter a year ago", "1988-07-01", "1988-09-30")
    );
}

#[test]
fn fiscal_years_are_the_written_year() {
    assert_one(
        "In fiscal 1989, the company",
        "1989-10-26",
        "fiscal 1989",
        "1989-01-01",
        "1989-12-31",
        Year,
    );
}

#[test]
fn seasons_follow_timeml_months_and_last_fall_is_the_last_one_over() {
    assert_one(
        "since last fall",
        "1990-02-10",
        "last fall",
        "1989-09-01",
        "1989-11-30",
        Span,
    );
    assert_one(
        "this summer",
        "1989-10-10",
        "this summer",
        "1989-06-01",
        "1989-08-31",
        Span,
    );
    assert_one(
        "in the winter of 1994",
        "1998-02-01",
        "the winter of 1994",
        "1994-12-01",
        "1995-02-28",
        Span,
    );
    assert_none("the fall of the city and a fall in prices", "2019-05-08");
}

#[test]
fn the_season_of_a_stay_or_told_in_the_present_is_not_the_one_gone() {
    // Thursday 2 May 2019: closed for the summer is closed for the one about to start.
    for text in [
        "Schools in Varnholm closed for the summer holidays.",
        "Schools in Varnholm are closed for the summer holidays.",
    ] {
        assert_one(
            text,
            "2019-05-02",
            "the summer",
            "2019-06-01",
            "2019-08-31",
            Span,
        );
    }
    // Friday 1 February 2019: told in the present, the coming summer, though the last is
    // nearer.
    assert_one(
        "The ferry to Varnholm is open in the summer",
        "2019-02-01",
        "the summer",
        "2019-06-01",
        "2019-08-31",
        Span,
    );
    // In the past, the one gone, and a time gone "throughout" or "over" it.
    assert_one(
        "The ferry to Varnholm was open in the summer",
        "2019-02-01",
        "the summer",
        "2018-06-01",
        "2018-08-31",
        Span,
    );
    assert_one(
        "Throughout the summer, cases were reported in Varnholm.",
        "2019-03-16",
        "the summer",
        "2018-06-01",
        "2018-08-31",
        Span,
    );
    // Saturday 23 March 2019: a season over within the month before is still under way.
    assert_one(
        "the ferries are idle in the winter low season",
        "2019-03-23",
        "the winter",
        "2018-12-01",
        "2019-02-28",
        Span,
    );
}

#[test]
fn a_year_in_brackets_after_a_number_names_a_document() {
    assert_none(
        "The embargo follows council resolution 2334 (2016) on Varnholm.",
        "2019-05-02",
    );
    assert_surface(
        "The treaty of Varnholm (2016) is in force.",
        "2019-05-02",
        "2016",
    );
}

#[test]
fn the_full_current_or_latest_fiscal_year_is_a_calendar_year() {
    assert_one(
        "forecast an earnings increase for the full year.",
        "1989-10-30",
        "the full year",
        "1989-01-01",
        "1989-12-31",
        Year,
    );
    assert_one(
        "will result in lower earnings for the fiscal year.",
        "1989-11-02",
        "the fiscal year",
        "1989-01-01",
        "1989-12-31",
        Year,
    );
    assert_one(
        "expects to post sales in the current fiscal year that are",
        "1989-11-02",
        "the current fiscal year",
        "1989-01-01",
        "1989-12-31",
        Year,
    );
    assert_one(
        "27% of its sales in the latest fiscal year.",
        "1989-10-26",
        "the latest fiscal year",
        "1988-01-01",
        "1988-12-31",
        Year,
    );
}

#[test]
fn earlier_in_the_year_an_early_season_and_a_titled_year() {
    assert_one(
        "use was delayed earlier in the year by heavy rains",
        "1989-10-26",
        "earlier in the year",
        "1989-01-01",
        "1989-12-31",
        Year,
    );
    assert_one(
        "from the low levels of the early summer, following",
        "1989-10-26",
        "early summer",
        "1989-06-01",
        "1989-07-01",
        Span,
    );
    assert_one(
        "overruled a 1971 Convention which gives",
        "1998-02-27",
        "1971",
        "1971-01-01",
        "1971-12-31",
        Year,
    );
    // A count is still no year.
    assert_none("a 2000 people marched", "1998-02-27");
}

#[test]
fn a_unit_or_so_ago_is_as_the_unit_ago() {
    assert_one(
        "Then, a week or so ago, the general picked",
        "1991-02-25",
        "a week or so ago",
        "1991-02-18",
        "1991-02-18",
        Day,
    );
}

// ---- holidays --------------------------------------------------------------------------------

#[test]
fn movable_holidays_follow_their_calendar_rules() {
    assert_one(
        "before Thanksgiving Day",
        "1998-11-02",
        "Thanksgiving Day",
        "1998-11-26",
        "1998-11-26",
        Day,
    );
    assert_one(
        "during Easter week",
        "2019-05-08",
        "Easter week",
        "2019-04-21",
        "2019-04-27",
        Span,
    );
    assert_one(
        "on Good Friday",
        "2020-05-01",
        "Good Friday",
        "2020-04-10",
        "2020-04-10",
        Day,
    );
    assert_one(
        "by Christmas",
        "2019-11-08",
        "Christmas",
        "2019-12-25",
        "2019-12-25",
        Day,
    );
    assert_none("on Christmas Island", "2019-11-08");
}

#[test]
fn a_count_of_units_is_read_after_a_or_a_number() {
    // `counted_units` tries the counted forms only where a unit or "few" follows the count.
    for (text, surface) in [
        ("it opened 10 days ago.", "10 days ago"),
        ("they met 3 weeks later.", "3 weeks later"),
        ("the bonds will mature in 5 years.", "5 years"),
        ("it opened a week ago.", "a week ago"),
        ("it opened a few years ago.", "a few years ago"),
        ("it opened A FEW years ago.", "A FEW years ago"),
        ("they met two days later.", "two days later"),
        ("it rose from a year earlier.", "a year earlier"),
        ("the notes will be repaid in five years.", "five years"),
        ("it closed twenty twelve.", "twenty twelve"),
    ] {
        assert_surface(text, "2020-06-10", surface);
    }
    assert!(tag("a man and two women met a few friends", Some("2020-06-10")).is_empty());
    assert!(tag("the 10 men met 3 few times", Some("2020-06-10")).is_empty());
}

#[test]
fn hours_later_count_whole_days() {
    assert_starts(
        "Drones struck Jufra on Monday. 48 hours later the UN condemned it. Six hours later it \
         was quiet.",
        Some("2019-07-10"),
        &[
            ("Monday", "2019-07-08"),
            ("48 hours later", "2019-07-10"),
            ("Six hours later", "2019-07-10"),
        ],
    );
    // "Twenty-four hours later" counts no four hours: left unread rather than misread.
    assert_starts(
        "Drones struck Jufra on Monday. Twenty-four hours later it was quiet.",
        Some("2019-07-10"),
        &[("Monday", "2019-07-08")],
    );
}

#[test]
fn every_named_day_passes_the_first_letter_test() {
    // `may_open_named_day` rules out capitalised words by their first letter before
    // `named_day` reads them: each day it knows must get through.
    for day in [
        "New Year's Day",
        "New Year's Eve",
        "Good Friday",
        "Valentine's Day",
        "Memorial Day",
        "Labor Day",
        "Veterans Day",
        "Boxing Day",
        "Election Day",
    ] {
        assert_surface(&format!("on {day}"), "2020-06-01", day);
    }
}

#[test]
fn election_day_is_the_tuesday_after_the_first_monday_of_november() {
    // 2 November 1998 was the first Monday; 1 November 2016 was a Tuesday before the first.
    assert_one(
        "a theme of the campaign up to Election Day.",
        "1998-10-26",
        "Election Day",
        "1998-11-03",
        "1998-11-03",
        Day,
    );
    assert_one(
        "voters in Varnholm County on Election Day",
        "2016-10-20",
        "Election Day",
        "2016-11-08",
        "2016-11-08",
        Day,
    );
}

// ---- times of day ----------------------------------------------------------------------------

#[test]
fn times_of_day_are_the_day_they_fall_on() {
    assert_one(
        "at 10:35 a.m. the",
        "1998-02-12",
        "10:35 a.m.",
        "1998-02-12",
        "1998-02-12",
        Day,
    );
    assert_one(
        "the deadline, midnight on January 12",
        "2020-01-05",
        "midnight on January 12",
        "2020-01-12",
        "2020-01-12",
        Day,
    );
    assert_one(
        "clashes on Wednesday night",
        "2019-05-10",
        "Wednesday night",
        "2019-05-08",
        "2019-05-08",
        Day,
    );
    assert_one(
        "at 5 p.m. EST Nov. 9",
        "1989-11-02",
        "5 p.m. EST Nov. 9",
        "1989-11-09",
        "1989-11-09",
        Day,
    );
}

#[test]
fn a_clock_time_alone_is_of_the_day_the_text_speaks_of() {
    // Friday 10 May 2019: the day given in the sentence before, else the publication day.
    assert_starts(
        "Bombs hit the port on Tuesday. At 8 p.m., police raided a house.",
        Some("2019-05-10"),
        &[("Tuesday", "2019-05-07"), ("8 p.m.", "2019-05-07")],
    );
    assert_starts(
        "Bombs hit the port on Tuesday. Roads closed. Shops shut. At 8 p.m. police came.",
        Some("2019-05-10"),
        &[("Tuesday", "2019-05-07"), ("8 p.m.", "2019-05-10")],
    );
    assert_starts(
        "A drone hit the camp late Tuesday. It struck shortly before midnight.",
        Some("2019-05-10"),
        &[("late Tuesday", "2019-05-07"), ("midnight", "2019-05-07")],
    );
    assert_starts(
        "Police raided a house at 10:15 p.m.",
        Some("2019-05-10"),
        &[("10:15 p.m.", "2019-05-10")],
    );
}

#[test]
fn a_day_part_alone_is_of_the_day_the_text_speaks_of() {
    // Friday 10 May 2019.
    assert_starts(
        "Police sealed the square on Tuesday. By mid-afternoon the crowd had gone.",
        Some("2019-05-10"),
        &[("Tuesday", "2019-05-07"), ("mid-afternoon", "2019-05-07")],
    );
    assert_one(
        "By mid afternoon, the rebels held the port.",
        "2019-05-10",
        "mid afternoon",
        "2019-05-10",
        "2019-05-10",
        Day,
    );
    assert_one(
        "Buyers came back in the morning and prices rose.",
        "2019-05-10",
        "the morning",
        "2019-05-10",
        "2019-05-10",
        Day,
    );
    assert_one(
        "at early evening yesterday",
        "2019-05-10",
        "early evening yesterday",
        "2019-05-09",
        "2019-05-09",
        Day,
    );
    // A day part that something else pins down, or a noun's modifier.
    assert_none("in the morning after the vote", "2019-05-10");
    assert_none("anchors of the evening news", "2019-05-10");
}

#[test]
fn the_nth_day_after_is_is_the_day_the_text_speaks_in() {
    assert_one(
        "This is the eighth day of the strike.",
        "2021-03-04",
        "the eighth day",
        "2021-03-04",
        "2021-03-04",
        Day,
    );
    assert_one(
        "It's the second day of talks in Oslo.",
        "2021-03-04",
        "the second day",
        "2021-03-04",
        "2021-03-04",
        Day,
    );
    assert_none("the second day of talks was calm", "2021-03-04");
}

// ---- deictic and vague -----------------------------------------------------------------------

#[test]
fn now_and_currently_are_the_publication_day_marked_vague() {
    let found = tag_dates(
        "it is now under control and currently calm",
        Some(ymd("2019-05-08")),
    );
    assert_eq!(found.len(), 2);
    assert!(
        found
            .iter()
            .all(|m| m.vague && m.interval.from == ymd("2019-05-08"))
    );
}

#[test]
fn recently_and_the_past_few_days_are_honest_vague_spans() {
    let found = tag_dates(
        "fighting recently resumed after the past few days of calm",
        Some(ymd("2019-05-08")),
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .all(|m| m.vague && m.interval.to == ymd("2019-05-08"))
    );
    assert_eq!(found[0].interval.from, ymd("2019-02-07"));
    assert_eq!(found[1].interval.from, ymd("2019-05-01"));
}

// ---- anchored and narrative ------------------------------------------------------------------

#[test]
fn anchored_expressions_read_against_the_last_date_given() {
    let found = tag(
        "The talks opened on March 3, 2015. That same day the envoy left; he returned the next \
         day. Later that year the office closed.",
        Some("2019-05-08"),
    );
    let got: Vec<_> = found
        .iter()
        .map(|m| (m.0.as_str(), m.1.as_str(), m.2.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("March 3, 2015", "2015-03-03", "2015-03-03"),
            ("That same day", "2015-03-03", "2015-03-03"),
            ("the next day", "2015-03-04", "2015-03-04"),
            ("Later that year", "2015-03-04", "2015-12-31"),
        ]
    );
}

#[test]
fn the_next_day_needs_a_day_before_it() {
    // After a month, no day is said; after a day, the day after it.
    assert_starts(
        "Talks opened in May. The following morning the envoy left.",
        Some("2019-08-08"),
        &[("May", "2019-05-01")],
    );
    assert_starts(
        "Talks opened on May 3. The following morning the envoy left.",
        Some("2019-08-08"),
        &[
            ("May 3", "2019-05-03"),
            ("The following morning", "2019-05-04"),
        ],
    );
}

#[test]
fn a_day_later_after_a_month_counts_from_the_day_given_before_it() {
    // The month named last is no day to count from; the day before it in the sentence is.
    assert_starts(
        "The mine reopened on March 4 after a strike begun in October, but closed again a day \
         later. A second mine shut the same day.",
        Some("2021-03-20"),
        &[
            ("March 4", "2021-03-04"),
            ("October", "2020-10-01"),
            ("a day later", "2021-03-05"),
            ("the same day", "2021-03-05"),
        ],
    );
    // With no day given near it, that many days into the month: an honest bound.
    assert_starts(
        "The strike began in October. Two days later the talks broke down.",
        Some("2021-03-20"),
        &[("October", "2020-10-01"), ("Two days later", "2020-10-03")],
    );
}

#[test]
fn two_days_joined_by_and_before_a_month_are_one_span() {
    assert_one(
        "The summit in Lome on 14 and 15 March will discuss the crisis.",
        "2021-03-01",
        "14 and 15 March",
        "2021-03-14",
        "2021-03-15",
        Span,
    );
    // A count after a month's day is no second day.
    assert_starts(
        "On March 14 and 15 people were hurt.",
        Some("2021-03-20"),
        &[("March 14", "2021-03-14")],
    );
}

#[test]
fn the_year_of_a_numbered_resolution_is_no_date() {
    assert_none(
        "They pledged to respect the embargo imposed by Security Council resolution 1970 \
         (2011) and by UNSCR 2292 (2016).",
        "2021-03-20",
    );
    // A year in brackets elsewhere is one.
    assert_starts(
        "The treaty (2011) was signed in Rome.",
        Some("2021-03-20"),
        &[("2011", "2011-01-01")],
    );
}

#[test]
fn the_same_day_after_a_week_is_a_day_of_that_week_not_its_first() {
    let found = tag(
        "Voting in the north began last week. Two states vote on the same day.",
        Some("2019-05-08"),
    );
    let same_day = found.iter().find(|m| m.0 == "the same day");
    assert_eq!(
        same_day.map(|m| (m.1.as_str(), m.2.as_str())),
        Some(("2019-04-29", "2019-05-05")),
        "{found:?}"
    );
}

#[test]
fn that_day_or_month_needs_a_reference_within_one_day_or_month() {
    assert_starts(
        "The market fell hard in 1998. Traders who sold that day lost most. In May 2003 the fund \
         closed; that month its manager left.",
        Some("2019-05-08"),
        &[
            ("1998", "1998-01-01"),
            ("May 2003", "2003-05-01"),
            ("that month", "2003-05-01"),
        ],
    );
}

#[test]
fn until_then_is_the_date_just_given() {
    assert_starts(
        "The offer expires on Nov. 30. Until then, holders may convert.",
        Some("2021-10-30"),
        &[("Nov. 30", "2021-11-30"), ("then", "2021-11-30")],
    );
    // A "then" that is no date, or far from any.
    assert_none(
        "The vote was close, and then the talks failed.",
        "2021-10-30",
    );
    assert_none("Since then, the company has grown.", "2021-10-30");
    // "then-President": who held the office, not when.
    assert_starts(
        "He had served as governor since 1996 and was appointed by then-President Putin.",
        Some("2021-10-30"),
        &[("1996", "1996-01-01")],
    );
}

#[test]
fn an_undated_text_reads_partial_dates_against_its_last_full_date() {
    assert_starts(
        "The siege began on March 19, 2011. On April 10 the rebels took the port, and two days \
         later the airport.",
        None,
        &[
            ("March 19, 2011", "2011-03-19"),
            ("April 10", "2011-04-10"),
            ("two days later", "2011-04-12"),
        ],
    );
}

// ---- not dates -------------------------------------------------------------------------------

#[test]
fn daily_and_month_long_are_not_dates() {
    assert_none("growing daily, the month-long war, years-old", "2019-05-08");
}

#[test]
fn aircraft_designations_are_not_dates() {
    assert_none("a Mirage F.1 and a Mirage F.1AD, F.1ED", "2019-05-08");
}

#[test]
fn counts_and_money_are_not_years() {
    assert_none(
        "reached 3,400 and 2,069 people, a 300-member force, 146,000 displaced, of 2000 people, \
         $2019, resolution 2259, in 2,019",
        "2019-05-08",
    );
}

#[test]
fn a_bare_year_before_a_noun_is_that_year_but_a_count_is_not() {
    assert_one(
        "the 2011 uprising",
        "2019-05-08",
        "2011",
        "2011-01-01",
        "2011-12-31",
        Year,
    );
    assert_none("some 2000 troops and about 1990 families", "2019-05-08");
}

#[test]
fn the_end_year_of_from_and_to_is_a_year_before_any_word() {
    assert_starts(
        "prices rose from 2015 to 2017 in Leeds",
        Some("2019-05-08"),
        &[("2015", "2015-01-01"), ("2017", "2017-01-01")],
    );
    // A count after "to" with no year before it is none.
    assert_starts("the crowd grew to 2000 people", Some("2019-05-08"), &[]);
}

#[test]
fn ratios_scores_and_handles_are_not_dates() {
    assert_none(
        "a 50/50 venture, a 10:30 ratio, @BabakTaghvaee and #2019",
        "2019-05-08",
    );
}

#[test]
fn may_the_verb_and_may_the_surname_are_not_months() {
    assert_none("Theresa May said talks may resume", "2019-05-08");
}

#[test]
fn titles_names_and_nouns_that_look_like_dates_are_not_dates() {
    // A television programme, a radio show, a company.
    assert_none(
        "Baker said on ABC-TV's \"This Week With David Brinkley\" that",
        "1991-02-25",
    );
    assert_none("This is VOA Today.", "1998-03-31");
    assert_none("a joint venture called Orion 1980, making", "1998-04-18");
    // The future and tomorrow as nouns, the past as a century's adjective.
    assert_none(
        "that is important to the future of our peoples",
        "1998-02-13",
    );
    assert_none(
        "If I were choosing the people of tomorrow, I would",
        "1989-11-02",
    );
    assert_none(
        "one of the significant events of the past century",
        "1989-11-01",
    );
    // "at the time" with its own clause names no earlier date.
    let found = tag(
        "in the late 1970s. At the time Howes was captured, the group was united.",
        Some("1998-02-19"),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    // Still dates: a sentence opening with "Today", "this week" in prose.
    assert_eq!(tag("Today, the talks resume.", Some("1998-03-31")).len(), 1);
    assert_eq!(
        tag("the talks resume this week", Some("1998-03-31")).len(),
        1
    );
}

// ---- robustness ------------------------------------------------------------------------------

#[test]
fn mentions_are_sorted_non_overlapping_and_on_char_boundaries() {
    let text = "“On Tuesday” — Misrata’s élite, April 4–6; 2019-04-04… in 2011";
    let found = tag_dates(text, Some(ymd("2019-05-08")));
    assert_eq!(found.len(), 4);
    for pair in found.windows(2) {
        assert!(pair[0].end <= pair[1].start);
    }
    for m in &found {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
}

#[test]
fn an_empty_text_has_no_mentions() {
    assert_eq!(tag_dates("", Some(ymd("2019-05-08"))), vec![]);
}

#[test]
fn a_ten_megabyte_line_is_tagged_in_one_linear_pass() {
    // Linear by construction: one lexer pass and a bounded lookahead per token. This only checks
    // that a huge single line with dense near-misses neither panics nor loses mentions.
    let unit = "On Tuesday, in 2011, F.1 3,400 May the last week of April 4-6 ";
    let text = unit.repeat(10 * 1024 * 1024 / unit.len());
    let found = tag_dates(&text, Some(ymd("2019-05-08")));
    assert_eq!(found.len(), 3 * (text.len() / unit.len()));
}

#[test]
fn nested_periods_do_not_recurse_without_bound() {
    let text = "the end of ".repeat(200_000) + "1990";
    let found = tag_dates(&text, Some(ymd("2019-05-08")));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].interval.to, ymd("1990-12-31"));
}

#[test]
fn every_lasting_verb_ends_in_s() {
    // (`sentence_tense` asks the list only of words ending in "s".)
    assert!(LASTING_VERBS.iter().all(|v| v.ends_with('s')));
}

#[test]
fn the_tense_of_a_sentence_is_its_frame_outside_quotes() {
    assert_eq!(
        sentence_tense("ROME \u{2013} “Moscow is important,” Di Maio said."),
        Some(SentenceTense::Past)
    );
    assert_eq!(
        sentence_tense("The army has captured the airport."),
        Some(SentenceTense::Present)
    );
    assert_eq!(
        sentence_tense("Élan – the UN-backed government will meet."),
        Some(SentenceTense::Future)
    );
    assert_eq!(sentence_tense("“Ça va…”"), None);
    // Single quotation marks, straight or curly; an apostrophe inside a word or after a plural
    // opens no quote.
    assert_eq!(
        sentence_tense("'We are under fire,' a soldier in Velmora said."),
        Some(SentenceTense::Past)
    );
    assert_eq!(
        sentence_tense("\u{2018}They don\u{2019}t care,\u{2019} a resident told reporters."),
        Some(SentenceTense::Past)
    );
    assert_eq!(
        sentence_tense("The residents' homes are flooded, officials said."),
        Some(SentenceTense::Present)
    );
    // Without a tense word, a verb of what lasts before a preposition: present.
    assert_eq!(
        sentence_tense("The pipeline from Ruwais runs along the coast to Zuara."),
        Some(SentenceTense::Present)
    );
    assert_eq!(sentence_tense("The runs from Ruwais to Zuara."), None);
    assert_eq!(
        sentence_tense("The road from Ruwais runs along the coast, officials said."),
        Some(SentenceTense::Past)
    );
    // Irregular past forms: "The river swept through Kamnik", "The Savinja burst its banks".
    for sentence in [
        "The river swept through Kamnik.",
        "The Savinja burst its banks in Celje.",
        "Crowds threw stones and tore down a fence.",
    ] {
        assert_eq!(
            sentence_tense(sentence),
            Some(SentenceTense::Past),
            "{sentence}"
        );
    }
}

#[test]
fn a_token_ruled_out_as_a_date_start_matches_nothing() {
    let text = "On Tuesday, the minister said in Paris that by 5 March and since the 1990s, \
                prices had risen 3% in the third quarter of 2019 and were expected to fall \
                next year; “It’s late,” he said, two weeks ago at noon. Shares rose in '08 \
                (about 40) since then, from January to mid-2020, until now. Nadia Lamb of \
                Boston met Grace Vance in Tripoli on Labor Day, New Year's Eve and Good Friday.";
    let toks = lexer::tokenize(text);
    let tagger = Tagger {
        text,
        toks: &toks,
        published: Some(ymd("2021-06-15")),
        released: None,
        reference: Cell::new(None),
        past_reference: Cell::new(None),
        day_reference: Cell::new(None),
        weekdays: Cell::new([None; 7]),
        weekday_tokens: OnceCell::new(),
    };
    let mut ruled_out = 0;
    for (i, tok) in toks.iter().enumerate() {
        if !may_start_date(text, tok) {
            ruled_out += 1;
            assert!(tagger.match_at(i).is_none(), "{tok:?}");
        }
    }
    assert!(ruled_out > toks.len() / 2);
}

#[test]
fn a_model_year_before_a_makers_name_is_no_date() {
    assert_none(
        "A deputy stopped a 2001 Mercury Sabre on the highway.",
        "2009-03-20",
    );
    assert_none("His 2006 Ford pickup was found burned.", "2009-03-20");
    // Without an article the year is a time; a year before another title stays one too.
    assert_one(
        "In 2006 Ford sold more trucks than ever.",
        "2009-03-20",
        "2006",
        "2006-01-01",
        "2006-12-31",
        Year,
    );
    assert_surface("It was a 1971 Convention on drugs.", "2009-03-20", "1971");
}

#[test]
fn years_before_1800_are_read_where_a_date_goes_on_or_after_in() {
    assert_starts(
        "On the 4th of July 1776 the declaration was signed.",
        Some("2024-03-10"),
        &[("4th of July 1776", "1776-07-04")],
    );
    assert_starts(
        "The fleet sailed on July 29, 1588.",
        Some("2024-03-10"),
        &[("July 29, 1588", "1588-07-29")],
    );
    assert_starts(
        "In 1453, the city fell.",
        Some("2024-03-10"),
        &[("1453", "1453-01-01")],
    );
    // A count after "in" is no year.
    assert_none("The disease was found in 1500 cases.", "2024-03-10");
}

#[test]
fn a_month_of_that_year_is_of_the_year_last_given() {
    assert_starts(
        "In 1812 the army reached Moscow, and by December of that year it had retreated.",
        Some("2024-03-10"),
        &[
            ("1812", "1812-01-01"),
            ("December of that year", "1812-12-01"),
        ],
    );
}

#[test]
fn a_decade_in_words_is_the_latest_of_its_name_begun_by_the_anchor() {
    assert_one(
        "Crime fell through the nineties in the port.",
        "2004-06-01",
        "the nineties",
        "1990-01-01",
        "1999-12-31",
        Span,
    );
    assert_one(
        "Rents doubled in the twenties.",
        "2026-06-01",
        "the twenties",
        "2020-01-01",
        "2029-12-31",
        Span,
    );
    assert_one(
        "Jazz clubs opened in the Twenties.",
        "1998-06-01",
        "the Twenties",
        "1920-01-01",
        "1929-12-31",
        Span,
    );
    assert_one(
        "The mill closed in the early eighties.",
        "2004-06-01",
        "early eighties",
        "1980-01-01",
        "1983-05-02",
        Span,
    );
    // Heat and age are no decades.
    assert_none("Temperatures will stay in the nineties.", "2004-06-01");
    assert_none("Highs reached the eighties on the coast.", "2004-06-01");
    assert_none("She is in her nineties.", "2004-06-01");
    // Without a publication year the century is unknown: no decade, and none for the dates
    // after it to be read in.
    assert_eq!(
        tag(
            "Hits of the early Seventies. The show comes on April 7.",
            None
        )
        .iter()
        .filter(|m| m.0.contains("Seventies"))
        .count(),
        0
    );
}

#[test]
fn a_part_of_a_decade_is_read_after_its_hyphen() {
    assert_one(
        "The mid-1990s saw war in Bosnia.",
        "2024-03-10",
        "mid-1990s",
        "1993-05-02",
        "1996-08-31",
        Granularity::Span,
    );
}

#[test]
fn a_part_of_the_following_year_is_of_the_year_after_the_last_date_given() {
    assert_starts(
        "The city fell on 9 September 1855. In the spring of the following year, peace came.",
        None,
        &[
            ("9 September 1855", "1855-09-09"),
            ("the spring of the following year", "1856-03-01"),
        ],
    );
}

#[test]
fn the_week_of_a_day_is_the_week_it_falls_in() {
    // (2000-03-06 was a Monday; 2000-03-08 a Wednesday.)
    assert_one(
        "The case may be heard the week of March 8.",
        "2000-02-24",
        "the week of March 8",
        "2000-03-06",
        "2000-03-12",
        Granularity::Week,
    );
    // "the week of the vote" names no day: no date.
    assert_none("The case may be heard the week of the vote.", "2000-02-24");
}

#[test]
fn a_date_opening_a_sentence_takes_the_tense_of_a_verb_far_after_it() {
    // The verb stands 21 words on: the January before publication, not the next.
    assert_one(
        "In January, a week after the 25th anniversary of the Roe vs. Wade Supreme Court \
         decision, a clinic bombing in Birmingham killed a guard.",
        "1998-10-25",
        "January",
        "1998-01-01",
        "1998-01-31",
        Granularity::Month,
    );
}

#[test]
fn the_past_weekend_is_the_one_just_gone() {
    // Published on Wednesday 15 January 2020: the weekend before was the 11th and 12th.
    for (text, surface) in [
        ("Talks were held last weekend.", "last weekend"),
        ("Talks were held this past weekend.", "this past weekend"),
        ("Talks were held over the past weekend.", "the past weekend"),
        ("Talks were held this weekend.", "this weekend"),
    ] {
        assert_one(
            text,
            "2020-01-15",
            surface,
            "2020-01-11",
            "2020-01-12",
            Span,
        );
    }
    // A weekend still to come stays ahead.
    assert_one(
        "Talks will be held this weekend.",
        "2020-01-15",
        "this weekend",
        "2020-01-18",
        "2020-01-19",
        Span,
    );
}

#[test]
fn a_day_of_the_month_alone_after_on_the() {
    let d = Granularity::Day;
    let p = "2020-03-20";
    // Of the publication's month where the day is past, of the month before where it is to
    // come in a past clause, of this month where it is to come in a future one.
    assert_one(
        "Fighting broke out on the 12th.",
        p,
        "the 12th",
        "2020-03-12",
        "2020-03-12",
        d,
    );
    assert_one(
        "Fighting broke out on the 28th, he said.",
        p,
        "the 28th",
        "2020-02-28",
        "2020-02-28",
        d,
    );
    assert_one(
        "The vote will be held on the 28th.",
        p,
        "the 28th",
        "2020-03-28",
        "2020-03-28",
        d,
    );
    // Of the month of the last date the text gave.
    assert_starts(
        "Fighting began on February 3. On the 12th, rebels took Misrata.",
        Some(p),
        &[("February 3", "2020-02-03"), ("the 12th", "2020-02-12")],
    );
    assert_starts(
        "Rockets hit on the 3rd and again on the 9th.",
        Some(p),
        &[("the 3rd", "2020-03-03"), ("the 9th", "2020-03-09")],
    );
    // Not a floor, a century, a count, nor a day without "on the" before it.
    assert_none("He lives on the 12th floor.", p);
    assert_none("The 12th-century mosque burned.", p);
    assert_none("He finished on the 12th hole.", p);
    assert_none("It was the 12th time.", p);
    assert_none("She came 12th.", p);
    assert_none("on the 32nd.", p);
}

#[test]
fn a_day_in_words_before_of_and_a_month() {
    let p = "2020-03-20";
    let d = Granularity::Day;
    assert_one(
        "It fell on the third of March.",
        p,
        "the third of March",
        "2020-03-03",
        "2020-03-03",
        d,
    );
    assert_one(
        "It fell on the twenty-first of March 2019.",
        p,
        "the twenty-first of March 2019",
        "2019-03-21",
        "2019-03-21",
        d,
    );
    // Nor an ordinal of anything else.
    assert_none("He was the third of five sons.", p);
    assert_none("The first of them arrived.", p);
}

#[test]
fn a_fortnight_is_two_weeks() {
    let p = "2020-03-20";
    assert_one(
        "He arrived a fortnight ago.",
        p,
        "a fortnight ago",
        "2020-03-06",
        "2020-03-06",
        Granularity::Day,
    );
    assert_one(
        "He has stayed for the past fortnight.",
        p,
        "the past fortnight",
        "2020-03-06",
        "2020-03-20",
        Granularity::Span,
    );
    assert_starts(
        "Talks began on March 2. They collapsed a fortnight later.",
        Some(p),
        &[
            ("March 2", "2020-03-02"),
            ("a fortnight later", "2020-03-16"),
        ],
    );
}

#[test]
fn a_dateline_day_before_the_publication_is_the_texts_today() {
    // Filed on Saturday, January 18, published (or collected) on the 21st: "on Sunday" is the
    // Sunday before the filing, "on Friday" the day before it.
    assert_starts(
        "BENGHAZI, Jan 18 (Reuters) - Forces shelled Tripoli on Sunday. On Friday, talks were set.",
        Some("2020-01-21"),
        &[
            ("Jan 18", "2020-01-18"),
            ("Sunday", "2020-01-12"),
            ("Friday", "2020-01-17"),
        ],
    );
    // Without a dateline, or with one far before the publication, the publication is today.
    assert_starts(
        "Forces shelled Tripoli on Jan 18. On Sunday, talks were set.",
        Some("2020-01-21"),
        &[("Jan 18", "2020-01-18"), ("Sunday", "2020-01-19")],
    );
    assert_starts(
        "BENGHAZI, Jan 18 (Reuters) - Forces shelled Tripoli on Sunday.",
        Some("2020-03-21"),
        &[("Jan 18", "2020-01-18"), ("Sunday", "2020-03-15")],
    );
    // A dateline naming its year is the text's today however long before the publication (a
    // text republished a year later).
    assert_starts(
        "TOBRUK, Oct. 3, 2019 (Reuters) - Prices rose last month. Police said yesterday that \
         a depot burned on Tuesday.",
        Some("2020-11-20"),
        &[
            ("Oct. 3, 2019", "2019-10-03"),
            ("last month", "2019-09-01"),
            ("yesterday", "2019-10-02"),
            ("Tuesday", "2019-10-01"),
        ],
    );
}

#[test]
fn the_day_after_the_dateline_is_the_day_the_text_went_out() {
    // Filed on Monday, March 9, out on Tuesday the 10th: "on Tuesday" is the day it went out,
    // not the Tuesday six days before the filing; the other days are read against the filing.
    assert_starts(
        "OSLO, March 9 (Reuters) - Ferries were halted on Monday. Snow closed the port on \
         Tuesday, and the mayor spoke on Sunday.",
        Some("2020-03-10"),
        &[
            ("March 9", "2020-03-09"),
            ("Monday", "2020-03-09"),
            ("Tuesday", "2020-03-10"),
            ("Sunday", "2020-03-08"),
        ],
    );
    // Out three days later (a collection date), the filing alone decides.
    assert_starts(
        "OSLO, March 9 (Reuters) - Snow closed the port on Tuesday.",
        Some("2020-03-12"),
        &[("March 9", "2020-03-09"), ("Tuesday", "2020-03-03")],
    );
}

#[test]
fn the_year_after_a_span_of_two_years_is_the_publication_year() {
    assert_starts(
        "The choir's 2019-20 tour was long. Earlier in the year it sang in Oslo; by the end \
         of the year it will rest.",
        Some("2020-03-10"),
        &[
            ("2019-20", "2019-01-01"),
            ("Earlier in the year", "2020-01-01"),
            ("the end of the year", "2020-10-01"),
        ],
    );
    // A date within one year still gives its year.
    assert_starts(
        "The choir toured in 2018. By the end of the year it had sung in Oslo.",
        Some("2020-03-10"),
        &[
            ("2018", "2018-01-01"),
            ("the end of the year", "2018-10-01"),
        ],
    );
}

#[test]
fn the_end_of_year_or_month_without_its_article_is_read_as_with_it() {
    assert_starts(
        "The choir toured in 2018. By the end of year it had sung in Oslo.",
        Some("2020-03-10"),
        &[("2018", "2018-01-01"), ("the end of year", "2018-10-01")],
    );
    assert_one(
        "The depot will shut at the end of month.",
        "2020-03-10",
        "the end of month",
        "2020-03-24",
        "2020-03-31",
        Granularity::Span,
    );
    // Not a numbered year of a course, nor a year-long thing.
    assert_none("Pupils sit tests at the end of year two.", "2020-03-10");
    assert_none("It came at the end of year-long talks.", "2020-03-10");
}

#[test]
fn the_unit_before_or_after_is_one_from_the_date_just_told() {
    assert_starts(
        "Police held a clerk on March 12. The week before, she had left Leeds.",
        Some("2020-03-20"),
        &[
            ("March 12", "2020-03-12"),
            ("The week before", "2020-03-02"),
        ],
    );
    assert_starts(
        "The dam broke on May 4. It had been inspected the day before.",
        Some("2020-05-10"),
        &[("May 4", "2020-05-04"), ("the day before", "2020-05-03")],
    );
    assert_starts(
        "Sales fell in 2017. The year after, they rose.",
        Some("2020-05-10"),
        &[("2017", "2017-01-01"), ("The year after", "2018-01-01")],
    );
    // "The week before last": two weeks back from the publication (Tuesday 10 March 2020).
    assert_starts(
        "Engineers found cracks in the dam the week before last.",
        Some("2020-03-10"),
        &[("the week before last", "2020-02-24")],
    );
    // A happening after "before" dates the week: not the week before the date told.
    assert_starts(
        "The dam broke on May 4. The week before the vote was calm.",
        Some("2020-05-10"),
        &[("May 4", "2020-05-04")],
    );
}

#[test]
fn a_time_told_by_a_happening_counts_from_the_happening_date() {
    // The blast is what "a bomb exploded" told, on May 4.
    assert_starts(
        "A bomb exploded in Arvale on May 4. The day after the blast, police held two men.",
        Some("2020-05-10"),
        &[("May 4", "2020-05-04"), ("The day after", "2020-05-05")],
    );
    assert_starts(
        "Voters went to the polls on May 3. Two days after the vote, crowds filled Arvale.",
        Some("2020-05-10"),
        &[("May 3", "2020-05-03"), ("Two days after", "2020-05-05")],
    );
    // The date within the phrase, kept as a mention of its own.
    assert_starts(
        "A week before the May 3 election, the mayor toured Arvale.",
        Some("2020-05-10"),
        &[("A week before", "2020-04-26"), ("May 3", "2020-05-03")],
    );
    // A happening whose date the text does not give dates nothing (not the publication day),
    // nor does the last date given when its sentence tells of something else.
    assert_starts(
        "Two days after the vote, crowds filled Arvale.",
        Some("2020-05-10"),
        &[],
    );
    assert_starts(
        "The dam broke on May 4. Two days after the vote, crowds filled Arvale.",
        Some("2020-05-10"),
        &[("May 4", "2020-05-04")],
    );
    // Days from a month are no day the text says.
    assert_starts(
        "Bombs hit Arvale this month. Ten days after the bombings, troops left.",
        Some("2020-05-20"),
        &[("this month", "2020-05-01")],
    );
    // The day it names in the same sentence is the day, not the blast's.
    assert_starts(
        "Police held two men on May 5, the day after the blast.",
        Some("2020-05-10"),
        &[("May 5", "2020-05-05")],
    );
}

#[test]
fn a_time_on_a_day_of_the_month_alone_is_of_that_day() {
    assert_starts(
        "The ferry sank at 6 a.m. on the 14th, the coastguard said.",
        Some("2020-03-25"),
        &[("6 a.m. on the 14th", "2020-03-14")],
    );
}

#[test]
fn a_weekend_that_is_expected_is_the_coming_one() {
    assert_starts(
        "Heavy rain is expected across Wales over the weekend.",
        Some("2020-03-25"),
        &[("the weekend", "2020-03-28")],
    );
    assert_starts(
        "Storms are forecast in Kent on Sunday.",
        Some("2020-03-25"),
        &[("Sunday", "2020-03-29")],
    );
}

#[test]
fn a_count_of_units_before_or_after_is_counted_from_the_date_just_told() {
    assert_starts(
        "The dam broke on May 4. Two days before, engineers had warned of cracks.",
        Some("2020-05-20"),
        &[("May 4", "2020-05-04"), ("Two days before", "2020-05-02")],
    );
    assert_starts(
        "The dam broke on May 4. A week after, the town reopened.",
        Some("2020-05-20"),
        &[("May 4", "2020-05-04"), ("A week after", "2020-05-11")],
    );
    assert_starts(
        "The dam broke on May 4. Two days before the vote it was calm.",
        Some("2020-05-20"),
        &[("May 4", "2020-05-04")],
    );
}

#[test]
fn that_day_points_back_past_a_day_of_saying_to_the_day_the_story_gave() {
    // 2013-07-26 is a Friday: the derailment on Wednesday the 24th.
    assert_starts(
        "A tram derailed in Velmora on Wednesday. A court said on Friday the driver was to blame. \
         The tram had left the depot earlier that day. Workers had checked it the day before.",
        Some("2013-07-26"),
        &[
            ("Wednesday", "2013-07-24"),
            ("Friday", "2013-07-26"),
            ("earlier that day", "2013-07-24"),
            ("the day before", "2013-07-23"),
        ],
    );
    // A day of saying with no day before it is the day "that day" means.
    assert_starts(
        "Officials said on Friday the tram had been checked that day.",
        Some("2013-07-26"),
        &[("Friday", "2013-07-26"), ("that day", "2013-07-26")],
    );
    // Nor is a day given after "on" and a verb other than one of saying passed over.
    assert_starts(
        "A tram derailed on Wednesday. Crews cleared the line on Friday. Service resumed the \
         day after.",
        Some("2013-07-29"),
        &[
            ("Wednesday", "2013-07-24"),
            ("Friday", "2013-07-26"),
            ("the day after", "2013-07-27"),
        ],
    );
}

#[test]
fn coming_days_without_the_and_the_coming_week_are_spans_from_publication() {
    // 2019-04-19 is a Friday.
    assert_one(
        "The mill will reopen in coming days.",
        "2019-04-19",
        "coming days",
        "2019-04-19",
        "2019-04-26",
        Span,
    );
    assert_one(
        "Prices may ease over coming weeks.",
        "2019-04-19",
        "coming weeks",
        "2019-04-19",
        "2019-06-07",
        Span,
    );
    assert_one(
        "The panel meets the coming week.",
        "2019-04-19",
        "the coming week",
        "2019-04-19",
        "2019-04-26",
        Span,
    );
    assert_one(
        "A ruling is due in the coming month.",
        "2019-04-19",
        "the coming month",
        "2019-04-19",
        "2019-05-19",
        Span,
    );
    assert_one(
        "Frost is likely over the coming weekend.",
        "2019-04-19",
        "the coming weekend",
        "2019-04-20",
        "2019-04-21",
        Span,
    );
    // Not "coming" as a verb, nor a day to come after no preposition.
    assert_none("Help is coming days after the storm.", "2019-04-19");
    assert_none("The coming day will tell.", "2019-04-19");
}

#[test]
fn a_list_of_days_of_a_month_names_each_day() {
    for text in [
        "The fair runs on May 3, 4 and 5 in the square.",
        "The fair runs on May 3, 4, and 5 in the square.",
    ] {
        assert_starts(
            text,
            Some("2019-04-19"),
            &[
                ("May 3", "2019-05-03"),
                ("4", "2019-05-04"),
                ("5", "2019-05-05"),
            ],
        );
    }
    // Counts after a date are not days of it.
    assert_starts(
        "On May 3, 4 and 5 boats sank.",
        Some("2019-05-19"),
        &[("May 3", "2019-05-03")],
    );
    assert_starts(
        "On May 3, 4 boats sank.",
        Some("2019-05-19"),
        &[("May 3", "2019-05-03")],
    );
}

#[test]
fn a_weekday_of_a_named_week_is_that_weeks_day() {
    // 2019-04-19 is a Friday.
    assert_one(
        "The strike is set for Wednesday next week.",
        "2019-04-19",
        "Wednesday next week",
        "2019-04-24",
        "2019-04-24",
        Day,
    );
    assert_one(
        "The fire broke out on Tuesday last week.",
        "2019-04-19",
        "Tuesday last week",
        "2019-04-09",
        "2019-04-09",
        Day,
    );
    assert_one(
        "The choir sings on Monday this week.",
        "2019-04-19",
        "Monday this week",
        "2019-04-15",
        "2019-04-15",
        Day,
    );
}

#[test]
fn every_monday_is_no_date() {
    assert_none("The club meets every Monday at the hall.", "2019-04-19");
    assert_none("Crowds marched each Sunday.", "2019-04-19");
}

#[test]
fn half_a_year_ago_is_six_months_back() {
    assert_one(
        "Stocks are down from half a year ago.",
        "2019-04-19",
        "a year ago",
        "2018-10-01",
        "2018-10-31",
        Month,
    );
}

#[test]
fn a_weekday_named_in_a_past_clause_and_a_future_one_is_two_days() {
    // 2019-03-19 is a Tuesday.
    assert_starts(
        "The storm made landfall near the port late on Thursday. Rain is forecast until \
         Thursday.",
        Some("2019-03-19"),
        &[
            ("late on Thursday", "2019-03-14"),
            ("Thursday", "2019-03-21"),
        ],
    );
    assert_starts(
        "The man was shot on Friday. His funeral will be held on Friday.",
        Some("2019-03-19"),
        &[("Friday", "2019-03-15"), ("Friday", "2019-03-22")],
    );
    // A day set as a limit is one day however its clauses read.
    assert_starts(
        "Pupils have until Friday to enrol. Fees will be due on Friday.",
        Some("2019-03-19"),
        &[("Friday", "2019-03-22"), ("Friday", "2019-03-22")],
    );
}

#[test]
fn a_weekday_whose_past_verb_comes_after_it_does_not_split_from_its_namesakes() {
    // 2019-03-19 is a Tuesday: "forecasters said" is the saying's, not the front's.
    assert_starts(
        "Rain should ease, with a front arriving late Thursday, forecasters said. Snow may \
         follow on Thursday, and it will be cold on Thursday.",
        Some("2019-03-19"),
        &[
            ("late Thursday", "2019-03-21"),
            ("Thursday", "2019-03-21"),
            ("Thursday", "2019-03-21"),
        ],
    );
}

#[test]
fn a_fiscal_year_told_with_its_last_month_runs_twelve_months_to_it() {
    // Published Tuesday 2014-05-20.
    let p = "2014-05-20";
    assert_one(
        "The mill lost money in the fiscal year that ended in March.",
        p,
        "the fiscal year that ended in March",
        "2013-04-01",
        "2014-03-31",
        Granularity::Span,
    );
    assert_one(
        "It earned a profit in the financial year to March 2011.",
        p,
        "the financial year to March 2011",
        "2010-04-01",
        "2011-03-31",
        Granularity::Span,
    );
    // A year "ending" in a month is still running unless its clause is past.
    assert_one(
        "The county is spending $4 million in the fiscal year ending in June.",
        p,
        "the fiscal year ending in June",
        "2013-07-01",
        "2014-06-30",
        Granularity::Span,
    );
}

#[test]
fn a_forecast_with_a_modal_is_of_the_weekday_to_come() {
    // Published Wednesday 2019-06-26: the Saturday to come is 06-29, the one gone 06-22.
    let p = "2019-06-26";
    assert_starts(
        "Forecasters said Velmora might see 40 degrees by Saturday.",
        Some(p),
        &[("Saturday", "2019-06-29")],
    );
    assert_starts(
        "A cyclone could make landfall near Dastry on Thursday, the institute said.",
        Some(p),
        &[("Thursday", "2019-06-27")],
    );
    // A verb spelled as its past after a modal is no past.
    assert_starts(
        "The agency forecast that Velmora would hit 42 degrees on Saturday.",
        Some(p),
        &[("Saturday", "2019-06-29")],
    );
    // A modal of what may have been, or another verb, keeps the past.
    assert_starts(
        "Police said the man could have fled on Saturday.",
        Some(p),
        &[("Saturday", "2019-06-22")],
    );
}

#[test]
fn a_weekday_that_comes_back_counts_no_clause_of_the_weekday() {
    // Published Tuesday 2014-05-20: "every Monday" to come does not send Monday forward.
    assert_starts(
        "Its shares dropped in Velmora on Monday. Workers will meet every Monday until a deal.",
        Some("2014-05-20"),
        &[("Monday", "2014-05-19")],
    );
}

#[test]
fn a_count_of_quarters_or_a_quarter_century_is_no_quarter() {
    let p = "2015-11-16";
    assert_starts(
        "The economy shrank for a second quarter in July-September.",
        Some(p),
        &[("July-September", "2015-07-01")],
    );
    assert_starts(
        "The firm posted a second-quarter loss.",
        Some(p),
        &[("second-quarter", "2015-04-01")],
    );
    assert_none("In the quarter century since, the town has grown.", p);
}

#[test]
fn days_later_after_a_month_or_a_year_are_that_many_days_into_it() {
    let p = "2011-01-12";
    let got = tag(
        "The dam burst at Velmora in May 2005. Two days later, the flood reached Dastry.",
        Some(p),
    );
    assert_eq!(
        got[1],
        (
            "Two days later".to_owned(),
            "2005-05-03".to_owned(),
            "2005-06-02".to_owned(),
            Granularity::Span
        )
    );
    // Not one the text restates by a day, nor one still to come.
    let got = tag(
        "The shop shut in 2009. It reopened a day later, on March 11.",
        Some(p),
    );
    assert!(got.iter().all(|m| m.0 != "a day later"), "{got:?}");
    let got = tag("He flew in 2004. He will return 13 days later.", Some(p));
    assert!(got.iter().all(|m| m.0 != "13 days later"), "{got:?}");
}

#[test]
fn ramadan_is_its_month_of_the_year_the_clause_tells() {
    assert_one(
        "Road deaths rose during Ramadan, the ministry said.",
        "2016-07-10",
        "Ramadan",
        "2016-06-06",
        "2016-07-05",
        Granularity::Span,
    );
    // A name, not the month.
    assert_none("Tariq Ramadan spoke in Velmora.", "2016-07-10");
}

#[test]
fn the_end_of_the_year_of_a_plan_is_the_publications_year() {
    // Published 2016-07-10: after a sentence of last year, a plan's year is this one.
    let got = tag(
        "Last year, 1,200 people died. The ministry plans to install cameras by the end of the year.",
        Some("2016-07-10"),
    );
    assert_eq!(got[1].0, "the end of the year");
    assert_eq!(
        (got[1].1.as_str(), got[1].2.as_str()),
        ("2016-10-01", "2016-12-31")
    );
    // Told of then ("would"), the year of the sentence's date.
    let got = tag(
        "Parents learned Nov. 13 that the center would close at the end of the year.",
        Some("2009-03-22"),
    );
    assert_eq!(got[1].0, "the end of the year");
    assert_eq!(got[1].1, "2008-10-01");
}
