//! Extraction: a pure function of (article text, publication date, gazetteer) to place
//! mentions, date mentions, sentences and events. No I/O, no globals, no GUI.
//!
//! An event is the claim "this sentence of this article says something happened at this place,
//! at this time": one per (sentence, place). Its time is the one its sentence speaks of, and the
//! basis of that time is kept (see [`events_of`] for the rule):
//! 1. a date expression in the sentence (`text`); in a sentence of two times, the one of the
//!    place's own clause;
//! 2. else the time carried from the preceding text while the sentence continues the same
//!    episode (`carried`);
//! 3. else the publication date (`publication`), or none for an undated article (`undated`).

mod clauses;
pub mod dates;
pub mod places;
pub mod sentences;

use std::ops::Range;

use chrono::{Days, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::Article;
use crate::gazetteer::{Gazetteer, PlaceIdx};
use crate::problem::Problem;

use self::dates::{DateMention, Granularity, Interval, WEEKDAY_NAMES};
use self::places::PlaceMention;

/// Where an event's interval comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenBasis {
    /// A date expression in the event's own sentence.
    Text,
    /// No date in the sentence: the time carried from the preceding sentences of the same
    /// episode (`date_mention` is the expression it was carried from).
    Carried,
    /// No date in the sentence: the article's publication date.
    Publication,
    /// Neither: the article is undated and the sentence names no resolvable date.
    Undated,
}

/// Index of an article in its corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ArticleIdx(pub u32);

/// "Article A says something happened at place P around time T", traced to its sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub article: ArticleIdx,
    pub place: PlaceIdx,
    /// `None` only when `basis` is `Undated`.
    pub when: Option<Interval>,
    pub basis: WhenBasis,
    /// Byte range of the sentence in the article body.
    pub sentence: TextSpan,
    /// Byte range of the (first) place mention in the sentence.
    pub mention: TextSpan,
    /// Byte range of the date expression the interval came from, when `basis` is `Text` or
    /// `Carried` (then it lies in an earlier sentence).
    pub date_mention: Option<TextSpan>,
}

/// A byte range in an article body, as two `u32`: half a `Range<usize>`, and `Copy`. Events and
/// sentences are the most numerous records a dataset keeps (a million events at the largest
/// benchmark size), and bodies are far below 4 GB (`corpus::MAX_ARTICLE_BYTES`); an offset
/// beyond `u32::MAX` would saturate, and slicing with it finds nothing rather than the wrong text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct TextSpan {
    pub start: u32,
    pub end: u32,
}

impl TextSpan {
    pub fn new(range: Range<usize>) -> TextSpan {
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        TextSpan {
            start: at(range.start),
            end: at(range.end),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<Range<usize>> for TextSpan {
    fn from(range: Range<usize>) -> TextSpan {
        TextSpan::new(range)
    }
}

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ArticleExtraction {
    pub places: Vec<PlaceMention>,
    pub dates: Vec<DateMention>,
    pub sentences: Vec<TextSpan>,
    /// Events without their article index (see [`Extraction`] for corpus-wide events).
    pub events: Vec<Event>,
    /// Sentences (or columns of names) that named more than [`MAX_PLACES_PER_SENTENCE`] places:
    /// lists, of which only the first places were kept (see [`keep_lists_short`]).
    pub lists: Vec<ListSentence>,
}

/// The most place mentions kept of one list: a sentence, or a column of names one per line. A
/// list naming more is a directory or a table, not a report that something happened at each
/// place: news sentences name a handful (at most 10 distinct places in any sentence of the 788
/// articles of the two geoparsing development sets), and a list of thousands would otherwise put
/// thousands of markers, place records and events in every output, 20 to 60 times the size of
/// its text.
pub const MAX_PLACES_PER_SENTENCE: usize = 100;

/// A sentence, or a column of names, cut to its first [`MAX_PLACES_PER_SENTENCE`] place mentions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ListSentence {
    pub sentence: TextSpan,
    /// How many place mentions it had.
    pub places: u32,
}

impl ArticleExtraction {
    /// Drops the vectors' growth capacity: a finished extraction is kept for the life of its
    /// dataset, and at a million events the spare capacity of pushed vectors is tens of MB.
    pub fn shrink_to_fit(&mut self) {
        self.places.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.sentences.shrink_to_fit();
        self.events.shrink_to_fit();
        self.lists.shrink_to_fit();
    }
}

/// Verbs that report speech: "said on Tuesday" dates the saying, not the event; "Victoria said"
/// is a person speaking, not a place.
pub(crate) const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "wrote",
    "replied",
    "argued",
    "explained",
    "noted",
    "stated",
    "recalled",
    "insisted",
];

/// What an article says of itself beside its body: its title (a `title:` header is no part of
/// the body) and its web address. Their countries are evidence for its places
/// ([`places::source_countries`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Source<'a> {
    pub title: &'a str,
    pub url: Option<&'a str>,
}

impl<'a> Source<'a> {
    pub fn of(article: &'a Article) -> Self {
        Source {
            title: &article.title,
            url: article.url.as_deref(),
        }
    }
}

/// Extracts one article. `article` is stamped into the events.
pub fn extract_article(
    article: ArticleIdx,
    body: &str,
    published: Option<NaiveDate>,
    source: Source<'_>,
    gazetteer: &Gazetteer,
) -> ArticleExtraction {
    // (A title that is the body's first line is read there already.)
    let title = source.title.trim();
    let title = if body.trim_start().starts_with(title) {
        ""
    } else {
        title
    };
    let beside = places::source_countries(title, source.url, gazetteer);
    let mut places = places::find_places_with_context(body, gazetteer, &beside);
    let dates = dates::tag_dates(body, published);
    let sentences = sentences::split_sentences(body);
    let lists = keep_lists_short(body, &mut places, &sentences);
    // Countries and regions are weak evidence that two sentences tell the same episode: a story
    // about Libya names Libya in most of them.
    let broad: Vec<bool> = places
        .iter()
        .map(|m| {
            matches!(
                gazetteer.get(m.place).kind,
                crate::gazetteer::PlaceKind::Country | crate::gazetteer::PlaceKind::Region
            )
        })
        .collect();
    let events = events_of(
        article,
        &Mentions {
            body,
            places: &places,
            broad: &broad,
            dates: &dates,
        },
        &sentences,
        published,
    );
    let mut x = ArticleExtraction {
        places,
        dates,
        sentences: sentences.into_iter().map(TextSpan::new).collect(),
        events,
        lists,
    };
    x.shrink_to_fit();
    x
}

/// Keeps the first [`MAX_PLACES_PER_SENTENCE`] place mentions of each list and returns the lists
/// that had more (`places` and `sentences` in text order). A list is a sentence, or a run of
/// rows of a column (each line is a sentence of its own): lines that are nothing but place names
/// or short lines that do not end like a sentence (see [`column_line`]).
fn keep_lists_short(
    body: &str,
    places: &mut Vec<PlaceMention>,
    sentences: &[Range<usize>],
) -> Vec<ListSentence> {
    let mut lists = Vec::new();
    // Index ranges of `places` to drop, in order.
    let mut cut: Vec<Range<usize>> = Vec::new();
    let mut end_list = |text: Range<usize>, mentions: Range<usize>| {
        if mentions.len() > MAX_PLACES_PER_SENTENCE {
            lists.push(ListSentence {
                sentence: TextSpan::new(text),
                places: u32::try_from(mentions.len()).unwrap_or(u32::MAX),
            });
            cut.push(mentions.start + MAX_PLACES_PER_SENTENCE..mentions.end);
        }
    };
    // The list being read: its text, its mentions, and whether it is a column of names.
    let mut list: Option<(Range<usize>, Range<usize>, bool)> = None;
    let mut p = 0;
    for sentence in sentences {
        while p < places.len() && places[p].start < sentence.start {
            p += 1;
        }
        let first = p;
        while p < places.len() && places[p].start < sentence.end {
            p += 1;
        }
        let names = column_line(body, sentence, &places[first..p]);
        match &mut list {
            Some((text, mentions, true)) if names => {
                text.end = sentence.end;
                mentions.end = p;
            }
            _ => {
                if let Some((text, mentions, _)) = list.take() {
                    end_list(text, mentions);
                }
                list = Some((sentence.clone(), first..p, names));
            }
        }
    }
    if let Some((text, mentions, _)) = list {
        end_list(text, mentions);
    }
    if !cut.is_empty() {
        let (mut i, mut c) = (0, 0);
        places.retain(|_| {
            while c < cut.len() && cut[c].end <= i {
                c += 1;
            }
            let keep = cut.get(c).is_none_or(|r| !r.contains(&i));
            i += 1;
            keep
        });
    }
    lists
}

/// The longest line without a closing terminator that is read as a row of a column.
const MAX_COLUMN_LINE_BYTES: usize = 80;

/// Whether `sentence` of `body` can be a row of a column of names or a table: nothing but names
/// (see [`only_names`]), or a short line that does not end like a sentence ("Carmen Grande",
/// "Sindh 1,200 45").
fn column_line(body: &str, sentence: &Range<usize>, mentions: &[PlaceMention]) -> bool {
    let text = body.get(sentence.clone()).unwrap_or("");
    let ends_sentence = text
        .trim_end_matches(['"', '\'', ')', ']', '\u{201d}', '\u{2019}'])
        .ends_with(['.', '!', '?', '\u{2026}']);
    (!mentions.is_empty() && only_names(body, sentence, mentions))
        || (text.len() <= MAX_COLUMN_LINE_BYTES && !ends_sentence)
}

/// Whether `sentence` of `body` has no letter outside its place `mentions` (sorted, inside it):
/// "Tripoli", "- Misrata, Libya", "3. Sirte". Most sentences fail at once on their length.
fn only_names(body: &str, sentence: &Range<usize>, mentions: &[PlaceMention]) -> bool {
    let named: usize = mentions.iter().map(|m| m.end.saturating_sub(m.start)).sum();
    if sentence.len() > named + 4 * mentions.len() + 8 {
        return false;
    }
    let mut at = sentence.start;
    let gaps = mentions
        .iter()
        .map(|m| (m.start, m.end))
        .chain(std::iter::once((sentence.end, sentence.end)));
    for (start, end) in gaps {
        let gap = body.get(at..start.max(at)).unwrap_or("");
        if gap.chars().any(char::is_alphabetic) {
            return false;
        }
        at = at.max(end);
    }
    true
}

/// A warning for each list of `extraction` cut to its first places, naming the article's file
/// and the list's opening words.
pub fn list_problems(article: &Article, extraction: &ArticleExtraction) -> Vec<Problem> {
    if extraction.lists.is_empty() {
        return Vec::new();
    }
    let body = article.body.text();
    extraction
        .lists
        .iter()
        .map(|list| {
            let text = body.get(list.sentence.range()).unwrap_or("");
            let mut opening: String = text.chars().take(60).collect();
            if opening.len() < text.len() {
                opening.push('…');
            }
            Problem::warning(
                &article.file,
                None,
                format!(
                    "{} places named in one sentence or column of names of {} characters \
                     (\"{}\"): only the first {} are kept, as a list that long is not a report \
                     of events",
                    list.places,
                    text.chars().count(),
                    opening,
                    MAX_PLACES_PER_SENTENCE
                ),
            )
        })
        .collect()
}

/// What the event builder reads: the body and its mentions (`broad[i]`: `places[i]` is a
/// country or region).
struct Mentions<'a> {
    body: &'a str,
    places: &'a [PlaceMention],
    broad: &'a [bool],
    dates: &'a [DateMention],
}

/// A time told by a dated sentence and the names around it, which following sentences may
/// continue.
struct Episode {
    when: Interval,
    mention: TextSpan,
    /// Places and actors named so far (a hash of a name's first letters, see `name_key`).
    keys: Vec<u64>,
    /// Keys that are countries or regions: they count only with another shared key.
    weak: Vec<u64>,
    /// Sentences since it was last continued.
    idle: u32,
    /// The end of the last sentence that told it (where its paragraph is read from).
    told_end: usize,
}

/// Episodes kept for resumption ("Conte spoke on Tuesday ... The battle began on April 5 ...
/// Conte described ..." returns to Tuesday).
const MAX_EPISODES: usize = 3;
/// Sentences an episode waits for a continuation before it is dropped.
const MAX_IDLE: u32 = 3;

/// An episode that ended this many days or more before the publication is a background: it goes
/// on past the end of its paragraph only in the sentence right after it (see
/// [`background_left_behind`]).
const BACKGROUND_DAYS: i64 = 31;

/// `e` is a background (a time [`BACKGROUND_DAYS`] or more before the publication) told before
/// the paragraph of the sentence at `start`, and a sentence since did not go on with it: the
/// story is back in its present ("Haftar took the ports in September 2016." ... a new
/// paragraph: "Pompeo spoke to Haftar by phone." is of the news, not of 2016). The sentence
/// right after it may still go on with it across the break ("He handed them to the NOC.").
fn background_left_behind(body: &str, e: &Episode, start: usize, published: NaiveDate) -> bool {
    e.idle >= 2
        && (published - e.when.to).num_days() >= BACKGROUND_DAYS
        && body
            .get(e.told_end..start)
            .is_some_and(|between| between.contains(['\n', '\r', '\u{2028}', '\u{2029}']))
}

/// One event per distinct place per sentence, dated by the time its sentence speaks of:
///
/// 1. **text**: a date expression in the sentence: the first that is neither vague ("now",
///    "recently") nor the dateline's ("ROME, April 19 (Xinhua) --"), nor the date of a "said"
///    when another date is there ("said on Tuesday that the army entered Tabqa in October",
///    "told reporters on Thursday that ...", "On Thursday, the mayor told CBC that ...": a day
///    of saying of [`date_of_saying`], where the other date is not long before it);
///    else the first vague one of the past, else one of a few days, weeks or months to come
///    ("in the coming weeks"; not "the near future"). Where the sentence names two different precise times, a place
///    whose own clause has one takes it ([`clauses::clause_date`]); a date told of a clause
///    about something the sentence names dates only that clause's places
///    ([`clauses::ConfinedClause`]).
/// 2. **carried**: no date in the sentence, but it continues an episode of the preceding text:
///    its reporting frame is in the past tense or has no tense (not "is", "has captured", "will":
///    those switch back to the present and end every episode), and it shares a place or an actor
///    (a capitalised name, compared on its first four letters so "Turkey" meets "Turkish") with
///    an episode told in the last few sentences, across paragraphs; a country or region named on
///    both sides is not enough alone. A sentence opening with a pronoun ("He", "They") or a
///    quotation mark continues the episode of the sentence just before; one opening with a
///    happening named again ("The meeting brought together ...") the episode it shares a name
///    with, else that of the sentence just before ([`Frame`]). A sentence in the past
///    tense continues no episode dated after the publication (a summit "on Sunday" to come);
///    one that shares no name goes on with a day of the last week told in the sentence just
///    before ("In Wales, the storm closed the Britannia Bridge" after Friday's storm).
///    The episode sharing most names wins, the latest on a tie. `date_mention` is the expression
///    the episode was dated by. A sentence dated by the day of a saying ("the farmer told
///    reporters on Thursday that ...") keeps that day but starts no episode where it goes on
///    with one of the week before: the next sentences tell on of the happening, not the saying.
/// 3. **publication**: otherwise (or **undated** when the article has no date).
#[allow(clippy::many_single_char_names)] // m(entions), p(laces), d(ates), k, e: as in the docs
fn events_of(
    article: ArticleIdx,
    m: &Mentions<'_>,
    sentences: &[Range<usize>],
    published: Option<NaiveDate>,
) -> Vec<Event> {
    // The text's today: its dateline's day where the dates were read against that as the day
    // it was written on (filed, then published or republished later), else the publication's.
    let published = dates::filed_on(m.body, m.dates, published).or(published);
    let publication = published.map(|day| Interval {
        from: day,
        to: day,
        granularity: Granularity::Day,
    });
    let (places, dates) = (m.places, m.dates);
    let mut events = Vec::with_capacity(places.len());
    let mut episodes: Vec<Episode> = Vec::new();
    // Reused from sentence to sentence: most sentences start no episode.
    let (mut keys, mut weak): (Vec<u64>, Vec<u64>) = (Vec::new(), Vec::new());
    let mut seen: std::collections::HashSet<crate::gazetteer::PlaceIdx> =
        std::collections::HashSet::new();
    // The places the article names outside an organisation's name: one named only inside one
    // ("Bank of Montreal said it would cut jobs") makes no event; one the article names as a
    // place too makes them there as well ("the Municipal Council of Zintan condemned ...").
    let free_places: Vec<crate::gazetteer::PlaceIdx> = if places
        .iter()
        .any(|pm| places::names_an_organisation(m.body, pm))
    {
        places
            .iter()
            .filter(|pm| !pm.is_demonym() && !places::names_an_organisation(m.body, pm))
            .map(|pm| pm.place)
            .collect()
    } else {
        Vec::new()
    };
    // Reused: the clauses that confine a date, and the sentence's other dates.
    let mut confined: Vec<clauses::ConfinedClause> = Vec::new();
    let mut free_dates: Vec<DateMention> = Vec::new();
    // Reused: the sentence's dates without the baselines of its comparisons.
    let mut compared: Vec<DateMention> = Vec::new();
    // Reused: the sentence's baselines of comparisons, for the places of their happenings.
    let mut baselines: Vec<DateMention> = Vec::new();
    // Both mention lists are sorted by start, so one forward walk per list suffices.
    let (mut p, mut d) = (0, 0);
    for (si, sentence) in sentences.iter().enumerate() {
        while p < places.len() && places[p].start < sentence.start {
            p += 1;
        }
        while d < dates.len() && dates[d].start < sentence.start {
            d += 1;
        }
        let first_place = p;
        let mut last_place = p;
        while last_place < places.len() && places[last_place].end <= sentence.end {
            last_place += 1;
        }
        let mut last_date = d;
        while last_date < dates.len() && dates[last_date].end <= sentence.end {
            last_date += 1;
        }
        let text = m.body.get(sentence.clone()).unwrap_or("");
        // "(Reporting by Ann Lee in Oslo; Editing by Tom Fox)": where the reporters were, not
        // what happened there.
        if credit_line(text) {
            p = last_place;
            continue;
        }
        // The baseline of a comparison ("the first time since 2017", "more rain than in the
        // whole of the previous year") dates nothing the sentence tells: the sentence is read
        // as if it had no such date (a copy of the others only where it has one).
        let mut in_sentence = &dates[d..last_date];
        baselines.clear();
        if in_sentence.iter().any(|dm| comparison_baseline(m.body, dm)) {
            compared.clear();
            for dm in in_sentence {
                if comparison_baseline(m.body, dm) {
                    baselines.push(dm.clone());
                } else {
                    compared.push(dm.clone());
                }
            }
            in_sentence = &compared[..];
        }
        // A date told of a clause about something the sentence names ("..., where the old
        // airport was destroyed in 2014") is not the sentence's: it dates only that clause's
        // places (see [`clauses::ConfinedClause`]).
        clauses::confined_clauses(m.body, sentence, in_sentence, &mut confined);
        let own_dates = if confined.is_empty() {
            in_sentence
        } else {
            clauses::unconfined_dates(in_sentence, &confined, &mut free_dates);
            &free_dates[..]
        };
        // The sentence's names (`keys`, `weak`) are read only where an episode starts or may
        // go on: most sentences have no date and follow none.
        let date = pick_date(m.body, own_dates, si == 0, published);
        // The sentence's date opens a stretch that runs to the publication ("since 2011").
        let stretch = date.is_some_and(|dm| runs_since(m.body, dm, published));
        for e in &mut episodes {
            e.idle += 1;
        }
        // The episode a sentence dated by a day of saying goes on with.
        let mut said_episode: Option<(Interval, TextSpan)> = None;
        let (when, basis, date_mention) = if let Some(dm) = date {
            let (when, mention) = dated_by(m.body, dm, in_sentence, published);
            if dm.vague {
                episodes.clear(); // "now", "recently": back to the present
            } else if stretch {
                // "Tarhuna had been his main base since April 2019.": a state that lasts to
                // the publication, not an episode that the next sentences tell on ("His forces
                // withdrew to Bani Walid" did not take the fourteen months).
            } else if let Some(k) = said_of_an_episode(
                m,
                (text, first_place..last_place),
                dm,
                &mut episodes,
                (&mut keys, &mut weak),
                published,
            ) {
                // "A flood swept through Carlow on Monday. The farmer told reporters on
                // Thursday that ...": the day of a saying is not that of the happening told
                // before, so the sentence goes on with that episode and starts none.
                let e = go_on(&mut episodes, k, &keys, &weak, sentence.end);
                said_episode = Some((e.when, e.mention));
            } else {
                sentence_keys(text, m, first_place..last_place, &mut keys, &mut weak);
                start_episode(&mut episodes, (when, mention), (&keys, &weak), sentence.end);
            }
            (Some(when), WhenBasis::Text, Some(mention))
        } else if let Some((dm, before)) = text
            .starts_with("The ")
            .then(|| {
                let prev = sentences.get(si.checked_sub(1)?)?;
                let before = &dates[dates[..d].partition_point(|x| x.start < prev.start)..d];
                Some((happening_named_before(m.body, text, before)?, before))
            })
            .flatten()
        {
            // "... as the toll from Saturday's earthquake rose on Monday. The quake struck near
            // Petit-Goave": the happening's day, not the sentence's before; an episode of that
            // day that the next sentences may go on with.
            let (when, mention) = dated_by(m.body, dm, before, published);
            sentence_keys(text, m, first_place..last_place, &mut keys, &mut weak);
            start_episode(&mut episodes, (when, mention), (&keys, &weak), sentence.end);
            (Some(when), WhenBasis::Carried, Some(mention))
        } else {
            // The tense is read only when it can clear something: most sentences have a date
            // or follow none.
            let tense = if episodes.is_empty() {
                None
            } else {
                dates::sentence_tense(text)
            };
            if matches!(
                tense,
                Some(dates::SentenceTense::Present | dates::SentenceTense::Future)
            ) {
                episodes.clear();
            }
            // ("Zelenskyy, who visited Kharkiv on Sunday, renewed his call ...": a clause's own
            // day, past, after an episode's time tells that the story has moved on from it.)
            let moved_on = in_sentence
                .iter()
                .filter(|dm| !dm.vague && published.is_none_or(|day| dm.interval.to <= day))
                .map(|dm| dm.interval.from)
                .max();
            episodes.retain(|e| {
                e.idle <= MAX_IDLE
                    && moved_on.is_none_or(|day| day <= e.when.to)
                    && !published
                        .is_some_and(|day| background_left_behind(m.body, e, sentence.start, day))
            });
            // A sentence in the past tense tells of no time still to come ("Germany will host
            // a summit on Sunday. Conte, who met Haftar last week, said Italy backed it.").
            let not_after = published.filter(|_| tense == Some(dates::SentenceTense::Past));
            let continued = if episodes.is_empty() {
                None // (what `continued_episode` finds among no episodes)
            } else {
                sentence_keys(text, m, first_place..last_place, &mut keys, &mut weak);
                continued_episode(&episodes, &keys, &weak, continues_frame(text), not_after)
            };
            match continued {
                Some(k) => {
                    let e = go_on(&mut episodes, k, &keys, &weak, sentence.end);
                    (Some(e.when), WhenBasis::Carried, Some(e.mention))
                }
                None => match publication {
                    Some(interval) => (Some(interval), WhenBasis::Publication, None),
                    None => (None, WhenBasis::Undated, None),
                },
            }
        };
        let first_event = events.len();
        // "The ministry said on Tuesday that forces had shelled Misrata": the place of a
        // clause in the past perfect after the day of a saying (see [`perfect_after_saying`]),
        // where the sentence names no other time (that one is read by its clauses).
        // Where it names another time too, the day of the saying is one of its dates ("Police
        // said on Friday that the man had fled to Leeds after the attack in York on Wednesday"):
        // the places of that clause are of the days between the earlier time and the saying.
        let perfect = if basis != WhenBasis::Text {
            None
        } else if speaks_of_two_times(in_sentence) {
            in_sentence
                .iter()
                .filter(|dm| !dm.vague)
                .find_map(|dm| perfect_after_saying(m.body, dm, sentence.end).map(|at| (dm, at)))
        } else {
            date.and_then(|dm| perfect_after_saying(m.body, dm, sentence.end).map(|at| (dm, at)))
        };
        // The sentence's lag back to an earlier happening, read at its first place (see
        // [`lag_back`]).
        let mut lag: Option<Option<Lag>> = None;
        // A sentence that speaks of two times dates each place by the time of its own clause
        // where that clause has one (see [`clauses::clause_date`]).
        let two_times = basis == WhenBasis::Text && speaks_of_two_times(in_sentence);
        // One event per place per sentence: a scan of the sentence's events while they are few,
        // a set once a sentence lists many places (linear, whatever the sentence's length).
        seen.clear();
        for mention in places[first_place..last_place].iter().filter(|mention| {
            !mention.is_demonym()
                && !names_a_pact_or_forum(m.body, mention.end)
                && !qualifies_only(m.body, mention.start, mention.end)
                && (!places::names_an_organisation(m.body, mention)
                    || free_places.contains(&mention.place))
        }) {
            let seen_before = if events.len() - first_event < 16 {
                events[first_event..]
                    .iter()
                    .any(|e: &Event| e.place == mention.place)
            } else {
                if seen.is_empty() {
                    seen.extend(events[first_event..].iter().map(|e| e.place));
                }
                !seen.insert(mention.place)
            };
            if !seen_before {
                // (Its first mention in the sentence decides, as for the other dates: "Israel
                // understands that the Golan Heights, which Israel captured in 1967, ...".)
                // (Not a vague one: "..., which the board has addressed over the last few
                // months — was the theme of the forum Wednesday night".)
                let confined_date = clauses::clause_of(&confined, m.body, mention)
                    .and_then(|c| {
                        pick_date(m.body, &in_sentence[c.dates.clone()], si == 0, published)
                    })
                    .filter(|dm| !dm.vague);
                let (when, date_mention, basis) = if let Some(dm) = confined_date {
                    let (when, at) = dated_by(m.body, dm, in_sentence, published);
                    (Some(when), Some(at), WhenBasis::Text)
                } else {
                    match two_times
                        .then(|| {
                            // (Not a date a clause about something else keeps to itself.)
                            clauses::clause_date(
                                m.body,
                                sentence,
                                own_dates,
                                mention,
                                si == 0,
                                published,
                            )
                        })
                        .flatten()
                        .filter(|c| !gives_way(m.body, c.date, own_dates))
                        .filter(|c| {
                            // (A past time of a clause of its own is that clause's event's.)
                            let own = c.coordinate
                                && published.is_none_or(|day| c.date.interval.to < day);
                            own || when.is_none_or(|w| !contains(c.date.interval, w))
                        })
                        .map(|c| c.date)
                    {
                        Some(dm) => {
                            let (when, at) = dated_by(m.body, dm, in_sentence, published);
                            (Some(when), Some(at), basis)
                        }
                        None => (when, date_mention, basis),
                    }
                };
                // "after conferences in Paris in May 2018, Palermo and Abu Dhabi": a date told
                // after one name of a list is that name's; a name after it without one is
                // dated as if the sentence had none.
                let (when, date_mention, basis) = match date_mention {
                    Some(at)
                        if basis == WhenBasis::Text
                            && mention.start >= at.range().end
                            && dates_an_earlier_item(
                                m.body,
                                &places[first_place..last_place],
                                mention,
                                at.range(),
                            ) =>
                    {
                        match publication {
                            Some(interval) => (Some(interval), None, WhenBasis::Publication),
                            None => (None, None, WhenBasis::Undated),
                        }
                    }
                    // "The United States has troops in Niger, and France moved troops there
                    // last year": the date is of the later clause alone.
                    Some(at)
                        if basis == WhenBasis::Text
                            && !two_times
                            && present_before_a_dated_and(
                                m.body,
                                sentence.start,
                                mention,
                                at.range().start,
                            ) =>
                    {
                        match publication {
                            Some(interval) => (Some(interval), None, WhenBasis::Publication),
                            None => (None, None, WhenBasis::Undated),
                        }
                    }
                    _ => (when, date_mention, basis),
                };
                // "static since June, when forces pushed them back to Sirte": a place of the
                // clause of "when" after a stretch's start is where that time's happening was;
                // so is a place of the happening a stretch starts from ("has been on the run
                // since the 1998 bombing in Gharyan": Gharyan in 1998).
                let when = match date {
                    Some(dm)
                        if basis == WhenBasis::Text
                            && date_mention == Some(TextSpan::new(dm.start..dm.end))
                            && mention.start > dm.end
                            && (when_clause_after(m.body, dm)
                                || stretch
                                    && names_a_happening(m.body, dm)
                                    && baseline_happening(
                                        m.body,
                                        std::slice::from_ref(dm),
                                        &places[first_place..],
                                        mention,
                                    )
                                    .is_some()) =>
                    {
                        Some(dm.interval)
                    }
                    _ => when,
                };
                // What had happened by the day it was said: the time of the happening the
                // sentence goes on with, else the days up to the saying.
                let (when, basis, date_mention) = match perfect {
                    Some((dm, at))
                        if mention.start > at
                            && mention.start - at <= PERFECT_PLACE_BYTES
                            && date_mention.is_some_and(|d| d.range().start == dm.start) =>
                    {
                        match (
                            said_episode,
                            earlier_in_clause(m.body, in_sentence, dm, mention.end),
                        ) {
                            (_, Some((earlier, true))) => (
                                Some(Interval {
                                    from: earlier.interval.from,
                                    to: dm.interval.to,
                                    granularity: Granularity::Span,
                                }),
                                basis,
                                date_mention,
                            ),
                            (_, Some((earlier, false))) => (
                                Some(earlier.interval),
                                basis,
                                Some(TextSpan::new(earlier.start..earlier.end)),
                            ),
                            (Some((w, at)), None) => (Some(w), WhenBasis::Carried, Some(at)),
                            (None, None) => (when.map(lead_up), basis, date_mention),
                        }
                    }
                    _ => (when, basis, date_mention),
                };
                // "the deadliest since the 2012 attack at Sandy Hook Elementary in Newtown": a
                // place of the happening a baseline's date qualifies is where it happened then.
                let baseline = if baselines.is_empty() {
                    None
                } else {
                    baseline_happening(m.body, &baselines, &places[first_place..], mention)
                };
                let (when, basis, date_mention) = match baseline {
                    Some(dm) => (
                        Some(dm.interval),
                        WhenBasis::Text,
                        Some(TextSpan::new(dm.start..dm.end)),
                    ),
                    None => (when, basis, date_mention),
                };
                // "The advance came two days after a drone strike in Tripoli": a place of the
                // happening the lag goes back to is of the day that many days before.
                if lag.is_none() {
                    lag = Some(lag_back(m.body, sentence));
                }
                let (when, date_mention) = match (lag.as_ref().and_then(Option::as_ref), when) {
                    (Some(l), Some(w))
                        if l.span.start <= mention.start
                            && mention.end <= l.span.end
                            && w.granularity == Granularity::Day
                            && date_mention.is_none_or(|d| !l.span.contains(&d.range().start)) =>
                    {
                        let back = chrono::Days::new(l.days);
                        match (w.from.checked_sub_days(back), w.to.checked_sub_days(back)) {
                            (Some(from), Some(to)) => (
                                Some(Interval {
                                    from,
                                    to,
                                    granularity: Granularity::Day,
                                }),
                                Some(TextSpan::new(l.phrase.clone())),
                            ),
                            _ => (Some(w), date_mention),
                        }
                    }
                    // "A week after the vote on March 3, crowds gathered in Lyon": a place
                    // outside the happening, dated by a day told inside it, is of the day the
                    // lag after that one.
                    (Some(l), Some(w))
                        if !(l.span.start <= mention.start && mention.end <= l.span.end)
                            && w.granularity == Granularity::Day
                            && date_mention.is_some_and(|d| l.span.contains(&d.range().start)) =>
                    {
                        let ahead = chrono::Days::new(l.days);
                        match (
                            w.from.checked_add_days(ahead),
                            w.to.checked_add_days(ahead),
                            date_mention,
                        ) {
                            (Some(from), Some(to), Some(d)) => (
                                Some(Interval {
                                    from,
                                    to,
                                    granularity: Granularity::Day,
                                }),
                                Some(TextSpan::new(l.phrase.start..d.range().end)),
                            ),
                            _ => (Some(w), date_mention),
                        }
                    }
                    _ => (when, date_mention),
                };
                events.push(Event {
                    article,
                    place: mention.place,
                    when,
                    basis,
                    sentence: TextSpan::new(sentence.clone()),
                    mention: TextSpan::new(mention.start..mention.end),
                    date_mention,
                });
            }
        }
        p = last_place;
    }
    events
}

/// Starts an episode of the time `when` (told at `mention`) with the sentence's names `keys`
/// and `weak`, forgetting the oldest beyond [`MAX_EPISODES`].
fn start_episode(
    episodes: &mut Vec<Episode>,
    (when, mention): (Interval, TextSpan),
    (keys, weak): (&[u64], &[u64]),
    told_end: usize,
) {
    episodes.push(Episode {
        when,
        mention,
        keys: keys.to_vec(),
        weak: weak.to_vec(),
        idle: 0,
        told_end,
    });
    if episodes.len() > MAX_EPISODES {
        episodes.remove(0);
    }
}

/// Whether the sentence `text` is a story's credit line: it opens with "Reporting by",
/// "Additional reporting by", "Writing by", "Editing by" or "Compiled by" (within a bracket or
/// not), or ends "contributed to this report" ("Associated Press writer Ann Lee in Oslo
/// contributed to this report.").
fn credit_line(text: &str) -> bool {
    const OPENINGS: [&[u8]; 5] = [
        b"reporting by",
        b"additional reporting",
        b"writing by",
        b"editing by",
        b"compiled by",
    ];
    const CLOSING: &[u8] = b"contributed to this report";
    let head = text.trim_start_matches(['(', '[', ' ']).as_bytes();
    let tail = text.trim_end_matches(['.', ')', ']', ' ', '\n']).as_bytes();
    // (Decided by a byte first: the openings' first letters, the closing's last.)
    head.first().is_some_and(|b| b"RAWECrawec".contains(b))
        && OPENINGS.iter().any(|o| {
            head.get(..o.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(o))
        })
        || tail.last() == Some(&b't')
            && tail
                .len()
                .checked_sub(CLOSING.len())
                .and_then(|at| tail.get(at..))
                .is_some_and(|t| t.eq_ignore_ascii_case(CLOSING))
}

/// How far before a place [`present_before_a_dated_and`] reads its clause, and how far after
/// it the date may be, in bytes.
const COORDINATED_REACH: usize = 300;

/// The place `mention` stands in a clause told in the present ("has", "have", "is", "are",
/// and no past verb) that ", and" ends, and the date at `date_start` lies in the next clause,
/// after a past verb of its own: "The United States has 1,100 troops in Niger, and France moved
/// troops there from Mali last year" (Niger is of now, not of last year).
fn present_before_a_dated_and(
    body: &str,
    sentence_start: usize,
    mention: &PlaceMention,
    date_start: usize,
) -> bool {
    fn word(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_ascii_alphabetic())
    }
    if date_start < mention.end || date_start - mention.end > COORDINATED_REACH {
        return false;
    }
    let Some(between) = body.get(mention.end..date_start) else {
        return false;
    };
    // (memchr finds the commas: most stretches between a place and a date have none.)
    let Some(and) = memchr::memchr_iter(b',', between.as_bytes())
        .find(|&at| between.as_bytes().get(at..at + 6) == Some(b", and "))
    else {
        return false;
    };
    let start = sentence_start.max(mention.start.saturating_sub(COORDINATED_REACH));
    let (Some(head), Some(tail)) = (
        body.get(start..mention.end + and),
        between.get(and + ", and ".len()..),
    ) else {
        return false;
    };
    // (The later clause's past verb first: most clauses after ", and" have one, and are short.)
    tail.split_whitespace()
        .any(|w| dates::is_past_word(word(w)))
        && head
            .split_whitespace()
            .any(|w| matches!(word(w), "has" | "have" | "is" | "are"))
        && !head
            .split_whitespace()
            .any(|w| dates::is_past_word(word(w)))
}

/// The date at `date` (its words) follows another name of a list of `places` (a sentence's,
/// sorted) that `mention` stands in after it: "conferences in Paris in May 2018, Palermo and
/// Abu Dhabi", "stops in Rome on Monday, Bari or Lecce". The date is told of that name alone
/// (right after it, or after "in", "on" or a comma); the names after it, joined by commas and
/// an "and" or "or" (a list, not "in Tripoli on Monday, Libya's capital"), get none from it.
fn dates_an_earlier_item(
    body: &str,
    places: &[PlaceMention],
    mention: &PlaceMention,
    date: Range<usize>,
) -> bool {
    let k = places.partition_point(|p| p.end <= date.start);
    let Some(item) = k.checked_sub(1).and_then(|k| places.get(k)) else {
        return false;
    };
    let gap = body.get(item.end..date.start).unwrap_or("-").trim();
    if !matches!(gap, "" | "," | "in" | "on" | "during") {
        return false;
    }
    let (mut end, mut reached, mut joined) = (date.end, false, false);
    for p in places.get(k..).unwrap_or(&[]) {
        if p.start < date.end {
            continue;
        }
        let joint = body.get(end..p.start).unwrap_or("-");
        let conjunction = matches!(joint, " and " | ", and " | " or " | ", or ");
        if !(conjunction || joint == ", ") {
            break;
        }
        joined |= conjunction;
        reached |= p.start == mention.start;
        end = p.end;
    }
    reached && joined
}

/// A lag a sentence tells between its own time and an earlier happening it names after
/// "after" ([`lag_back`]).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Lag {
    /// The words of the lag ("two days after").
    phrase: Range<usize>,
    /// The words of the earlier happening: from "after" to the end of its clause.
    span: Range<usize>,
    /// How many days before the sentence's time that happening was.
    days: u64,
}

/// The finder of " after " (built once: a searcher made per sentence cost more than its scan).
static AFTER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" after "));

/// How many "after"s of a sentence [`lag_back`] reads: news tells one lag a sentence.
const MAX_LAGS_READ: usize = 3;

/// The lag back to an earlier happening the sentence in `body` at `sentence` tells, if any: a
/// count of days or weeks before "after" that follows a verb of coming ("came", "comes",
/// "followed"), a comma or the sentence's start ("The advance came two days after a drone strike
/// on a school in Tripoli", "..., a day after forces seized Sirte", "Two weeks after the talks in
/// Cairo, ..."). The happening runs from "after" to the end of its clause (a comma, a semicolon,
/// a colon, a dash, or "and as", "as", "while"). Not "days after" without a count, nor "hours".
/// Reads at most [`MAX_LAGS_READ`] "after"s of the sentence.
fn lag_back(body: &str, sentence: &Range<usize>) -> Option<Lag> {
    let text = body.get(sentence.clone())?;
    let mut from = 0;
    for _ in 0..MAX_LAGS_READ {
        let at = from + AFTER.find(text.get(from..)?.as_bytes())?;
        from = at + " after ".len();
        // The (up to) four words before "after", last first.
        let head = text.get(..at)?;
        let mut words = head.rsplit(' ');
        let unit = words.next().unwrap_or("");
        let per = match unit {
            "day" | "days" => 1,
            "week" | "weeks" => 7,
            _ => continue,
        };
        let count_word = words.next().unwrap_or("");
        let count = match count_word.to_ascii_lowercase().as_str() {
            "a" | "one" | "the" if !unit.ends_with('s') => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            w => match w.parse::<u64>() {
                Ok(n) if (2..=60).contains(&n) && unit.ends_with('s') => n,
                _ => continue,
            },
        };
        let mut lead = words.next();
        if lead.is_some_and(|w| {
            matches!(
                w,
                "exactly" | "just" | "only" | "nearly" | "almost" | "barely" | "some" | "about"
            )
        }) {
            lead = words.next();
        }
        let set_off = match lead {
            None => true,
            Some(w) => {
                w.ends_with(',')
                    || matches!(
                        w,
                        "came" | "comes" | "come" | "coming" | "followed" | "follows" | "follow"
                    )
            }
        };
        if !set_off {
            continue;
        }
        let phrase_start = at.saturating_sub(unit.len() + 1 + count_word.len());
        let rest = text.get(from..)?;
        let mut end = rest
            .find([',', ';', ':', '\u{2013}', '\u{2014}'])
            .unwrap_or(rest.len());
        for stop in [" and as ", " as ", " while "] {
            if let Some(k) = rest.get(..end).and_then(|r| r.find(stop)) {
                end = k;
            }
        }
        return Some(Lag {
            phrase: sentence.start + phrase_start..sentence.start + from - 1,
            span: sentence.start + from..sentence.start + from + end,
            days: count * per,
        });
    }
    None
}

/// The episode a sentence dated by the day of a saying ([`date_of_saying`]) goes on with, if
/// any: one of the week before it (see [`continued_episode`]; its names are read only where
/// there are episodes). A day of saying after no episode ("Forces said on Monday they had taken
/// the oil field.") dates the episode it opens: what was said had happened by then.
/// `sentence`: its text and its places; `names`: the buffers its names are read into.
fn said_of_an_episode(
    m: &Mentions<'_>,
    sentence: (&str, Range<usize>),
    dm: &DateMention,
    episodes: &mut Vec<Episode>,
    names: (&mut Vec<u64>, &mut Vec<u64>),
    published: Option<NaiveDate>,
) -> Option<usize> {
    if episodes.is_empty() || !date_of_saying(m.body, dm) {
        return None;
    }
    episodes.retain(|e| e.idle <= MAX_IDLE);
    let ((text, places), (keys, weak)) = (sentence, names);
    sentence_keys(text, m, places, keys, weak);
    let not_after = published.filter(|&day| dm.interval.to <= day);
    // What was said is of the days just before the saying: not of "early 2008" for a spokesman
    // who "said Thursday" a year on.
    continued_episode(episodes, keys, weak, continues_frame(text), not_after).filter(|&k| {
        let e = &episodes[k];
        e.when.to <= dm.interval.to && (dm.interval.from - e.when.from).num_days() <= RECENT_DAYS
    })
}

/// The episode `k` goes on in a sentence naming `keys` (`weak` of them countries or regions): it
/// takes them, is no longer idle, was last told in the sentence ending at `told_end` and becomes
/// the latest told.
fn go_on<'e>(
    episodes: &'e mut Vec<Episode>,
    k: usize,
    keys: &[u64],
    weak: &[u64],
    told_end: usize,
) -> &'e Episode {
    let mut e = episodes.remove(k);
    e.idle = 0;
    e.told_end = told_end;
    for key in keys {
        push_key(&mut e.keys, *key);
    }
    for key in weak {
        push_key(&mut e.weak, *key);
    }
    episodes.push(e);
    &episodes[episodes.len() - 1]
}

/// The date a sentence speaks of, of its date mentions (see [`events_of`]). `first_sentence`:
/// the sentence may hold the article's dateline.
pub(super) fn pick_date<'d>(
    body: &str,
    in_sentence: &'d [DateMention],
    first_sentence: bool,
    published: Option<NaiveDate>,
) -> Option<&'d DateMention> {
    let dateline = |m: &DateMention| first_sentence && dates::is_dateline_date(body, m);
    let said = |m: &DateMention| {
        let before = body.get(m.start.saturating_sub(12)..m.start).unwrap_or("");
        let before = before.trim_end().trim_end_matches("on").trim_end();
        REPORTING_VERBS.iter().any(|w| before.ends_with(w))
    };
    // (An iterator made twice, not a list: most sentences have one date or none.)
    let precise = || in_sentence.iter().filter(|m| !m.vague && !dateline(m));
    // Any other day of saying ("told reporters on Thursday that", "On Thursday, the mayor told
    // CBC that") gives way to a date of what was said where that is of the days just before the
    // saying or after it ("the river burst on Monday"), not to a time long before it ("said
    // she had not seen him since they divorced in 2001": a background, not the news).
    let said_of_news = |m: &DateMention| {
        said(m)
            || (precise().any(|o| {
                !std::ptr::eq(o, m) && (m.interval.from - o.interval.from).num_days() <= RECENT_DAYS
            }) && (date_of_saying(body, m) || opens_that_clause(body, m)))
    };
    // A vague future ("soon", "the near future") is a plan, not when the sentence's event was.
    let vague_past = |m: &&DateMention| m.vague && !dateline(m) && Some(m.interval.to) <= published;
    // But a few days, weeks or months to come ("in the coming weeks", "over the next few days")
    // are when the plan is due: the sentence's event is of them, not of the publication.
    let vague_soon = |m: &&DateMention| {
        m.vague
            && published.is_some_and(|day| {
                m.interval.from >= day && (m.interval.to - day).num_days() < VAGUE_SOON_DAYS
            })
    };
    // "The worst clashes since 2014 broke out on Monday": the time the sentence's event began
    // from is its date only where it has no other.
    let since = |m: &DateMention| since_phrase(body, m);
    precise()
        .find(|m| !said_of_news(m) && !since(m) && !gives_way(body, m, in_sentence))
        .or_else(|| precise().find(|m| !said(m)))
        .or_else(|| precise().next())
        .or_else(|| in_sentence.iter().find(vague_past))
        .or_else(|| in_sentence.iter().find(vague_soon))
        .or_else(|| in_sentence.iter().find(|m| dateline(m)))
}

/// The date mention `m` gives way to another date of its sentence (`in_sentence`, sorted) in
/// [`pick_date`]: a period that qualifies the noun after it ("its first-quarter results in
/// early August", "third-quarter profit rose on Thursday": what the figures cover, not when
/// the sentence's event was), or a time counted from another that the sentence restates as a
/// day right after it ("reunified less than a year later, on October 3, 1990"). Reads the
/// mention's words and the few bytes after it.
fn gives_way(body: &str, m: &DateMention, in_sentence: &[DateMention]) -> bool {
    let Some(words) = body.get(m.start..m.end) else {
        return false;
    };
    let ends = |w: &str| {
        words.len() >= w.len()
            && words
                .get(words.len() - w.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
    };
    if words.contains('-') && (ends("quarter") || ends("half")) {
        let after = body.as_bytes().get(m.end..m.end + 2);
        return matches!(after, Some([b' ', c]) if c.is_ascii_lowercase());
    }
    // "The 1999 earthquake near Izmit on August 17": a year before a noun names the
    // happening; a finer date of that year after it in its clause, a few words on, is its day
    // (not one of another clause: "In the 2017 election, the court annulled the result, and a
    // rerun was held in October of that year").
    if m.interval.granularity == Granularity::Year
        && words.len() == 4
        && words.bytes().all(|b| b.is_ascii_digit())
    {
        let noun_after = matches!(
            body.as_bytes().get(m.end..m.end + 2),
            Some([b' ', c]) if c.is_ascii_lowercase()
        );
        let article_before = body
            .get(m.start.saturating_sub(4)..m.start)
            .is_some_and(|b| b.eq_ignore_ascii_case("the ") || b.ends_with(" a "));
        return noun_after
            && article_before
            && in_sentence[in_sentence.partition_point(|o| o.start < m.end)..]
                .iter()
                .any(|o| {
                    !o.vague
                        && o.interval.granularity != Granularity::Year
                        && contains(m.interval, o.interval)
                        && body.get(m.end..o.start).is_some_and(|between| {
                            between.len() <= YEAR_NOUN_REACH
                                && ![";", ", and ", ", but ", ", while ", ", as "]
                                    .iter()
                                    .any(|w| between.contains(w))
                        })
                });
    }
    if !(ends(" later") || ends(" earlier") || ends(" ago")) {
        return false;
    }
    in_sentence
        .get(in_sentence.partition_point(|o| o.start < m.end))
        .is_some_and(|next| {
            !next.vague
                && next.interval.granularity == Granularity::Day
                && matches!(body.get(m.end..next.start), Some(", on " | ", "))
        })
}

/// How far (bytes) after a year before a noun ("the 1999 earthquake") a finer date of that year
/// may stand and still be the happening's day ([`gives_way`]).
const YEAR_NOUN_REACH: usize = 80;

/// How many days ahead of the publication a vague time to come may end and still date a
/// sentence's event ([`pick_date`]): "the coming months" does, "the near future" does not.
const VAGUE_SOON_DAYS: i64 = 365;

/// Where the clause told after the day of a saying `dm` (a [`date_of_saying`]) puts its verb in
/// the past perfect ("said on Tuesday that forces had shelled Misrata", "told reporters on
/// Monday they had taken the town"): its "had", within [`PERFECT_WORDS`] words after the date
/// and its sentence (ending at `sentence_end`), before a mark that ends a clause, followed by a
/// participle ("had been", "had shelled", "had taken"; not "had to", "had a meeting"). What
/// was said had happened before the saying, at a time the clause does not tell.
fn perfect_after_saying(body: &str, dm: &DateMention, sentence_end: usize) -> Option<usize> {
    if dm.vague || dm.interval.granularity != Granularity::Day {
        return None;
    }
    let mut end = sentence_end.min(dm.end.saturating_add(PERFECT_BYTES));
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let window = body.get(dm.end..end)?;
    // (Most clauses after a date hold no "had": one scan rules that out first.)
    if memchr::memmem::find(window.as_bytes(), b"had ").is_none() || !date_of_saying(body, dm) {
        return None;
    }
    // The first words after the date, with their offsets in `window`.
    let mut at = 0;
    let mut words = window.split(' ').filter_map(|w| {
        let start = at;
        at += w.len() + 1;
        (!w.is_empty()).then_some((start, w))
    });
    for _ in 0..PERFECT_WORDS {
        let (start, w) = words.next()?;
        if w == "had" {
            let mut next = words.next().map_or("", |(_, n)| n);
            if matches!(
                next,
                "not" | "already" | "also" | "just" | "since" | "previously"
            ) {
                next = words.next().map_or("", |(_, n)| n);
            }
            let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
            let participle = next == "been"
                || next.ends_with("ed")
                || next.ends_with("en")
                || dates::is_past_word(next);
            return participle.then_some(dm.end + start);
        }
        if w.contains([';', ':', '(', '\u{2014}']) || w.ends_with('.') {
            return None;
        }
    }
    None
}

/// The first date of `in_sentence` after a place (ending at `place_end`) in the clause of the
/// past perfect after the day of a saying `saying`, where it is earlier than that day and
/// within [`PERFECT_BYTES`] of the place; with whether "after" or "since" stands between.
/// After such a word, what the clause tells at the place happened between that time and the
/// saying ("said on Friday that the man had fled to Leeds after the attack in York on
/// Wednesday"); without one, at that time ("asked who had been in Leeds in late November").
fn earlier_in_clause<'d>(
    body: &str,
    in_sentence: &'d [DateMention],
    saying: &DateMention,
    place_end: usize,
) -> Option<(&'d DateMention, bool)> {
    let dm = in_sentence
        .iter()
        .find(|dm| !dm.vague && dm.start >= place_end)
        .filter(|dm| dm.interval.to < saying.interval.from)
        .filter(|dm| dm.start - place_end <= PERFECT_BYTES)?;
    let between = body.get(place_end..dm.start)?;
    let after = between
        .split(' ')
        .any(|w| w.eq_ignore_ascii_case("after") || w.eq_ignore_ascii_case("since"));
    Some((dm, after))
}

/// How far after a day of saying [`perfect_after_saying`] reads, in words and bytes.
const PERFECT_WORDS: usize = 10;
const PERFECT_BYTES: usize = 120;
/// How far after the "had" of [`perfect_after_saying`] a place stands in its clause, in bytes.
const PERFECT_PLACE_BYTES: usize = 60;

/// The days up to `when`, a day of saying: what was said had happened in the week before it
/// ([`RECENT_DAYS`]), at a day the text does not tell.
fn lead_up(when: Interval) -> Interval {
    Interval {
        from: when
            .from
            .checked_sub_days(chrono::Days::new(RECENT_DAYS.unsigned_abs()))
            .unwrap_or(when.from),
        to: when.to,
        granularity: Granularity::Span,
    }
}

/// A clause of "that" follows the date mention `dm` at once ("confirmed on Friday that gunmen
/// attacked a bus on Tuesday", "warned residents Friday that floods would reach the city on
/// Sunday"): the date is of the knowing or telling, whatever the verb, and the clause's own date
/// tells what happened. A day only, and a clause with a subject of its own: not "in the fiscal
/// year that ended in March", a relative clause that says which year.
fn opens_that_clause(body: &str, dm: &DateMention) -> bool {
    dm.interval.granularity == Granularity::Day
        && body
            .get(dm.end..)
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|rest| rest.strip_prefix("that "))
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|next| !dates::is_tense_word(next))
}

/// The date mention `dm` is the day of a saying, not of what was said: it follows a verb of
/// [`REPORTING_VERBS`] in its clause ("said on Tuesday", "said Tuesday", "told reporters on
/// Thursday", "told CBC News on Thursday", "said in a statement on Monday", "said in Kabul late
/// Sunday"), set off by commas right after one ("the mayor said, on Thursday, that"), comes
/// right before one ("Officials on Thursday said") or opens its clause before the one who speaks
/// and the verb ("On Thursday, the mayor told CBC that"; see [`fronted_saying`]). Not "said the
/// attack happened on Thursday": the verb's object there is a clause; nor "On Thursday, the river
/// burst its banks". Read within a few words.
fn date_of_saying(body: &str, dm: &DateMention) -> bool {
    let verb = |w: &str| REPORTING_VERBS.contains(&w);
    let next = body.get(dm.end..).unwrap_or("");
    if next.starts_with(' ')
        && next
            .split_whitespace()
            .next()
            .is_some_and(|w| verb(w.trim_end_matches(|c: char| !c.is_alphanumeric())))
    {
        return true;
    }
    let mut from = dm.start.saturating_sub(SAYING_BYTES);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let window = body.get(from..dm.start).unwrap_or("");
    if next.starts_with(',') && fronted_saying(window, from == 0, next) {
        return true;
    }
    // Most dates have no verb of saying before them: a byte scan rules that out before the
    // window is split into words.
    if !may_hold_reporting_verb(window) {
        return false;
    }
    // "said, on Thursday, that": one verb, a comma, the date, and the date ends the aside.
    if next.starts_with([',', '.', ';']) || next.is_empty() {
        let mut back = window.split_whitespace().rev();
        let mut w = back.next().unwrap_or("");
        if matches!(w, "on" | "late" | "early") {
            w = back.next().unwrap_or("");
        }
        if w.strip_suffix(',').is_some_and(verb) {
            return true;
        }
    }
    // The last words before the date, in order, back to a mark that ends a clause.
    let mut words = [""; SAYING_WORDS];
    let mut n = 0;
    for w in window.split_whitespace().rev() {
        if n == SAYING_WORDS
            || w.contains([
                ',', ';', ':', '"', '(', ')', '\u{201c}', '\u{201d}', '\u{2014}',
            ])
            || w.ends_with('.')
        {
            break;
        }
        n += 1;
        words[SAYING_WORDS - n] = w;
    }
    let words = &words[SAYING_WORDS - n..];
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    // After the verb: the person told, a place or occasion of the saying, "late" or "early",
    // "on"; nothing else.
    let said_then = |v: usize| {
        let rest = &words[v + 1..];
        let mut i = 0;
        let at = |i: usize| rest.get(i).copied().unwrap_or("");
        if matches!(words[v], "told" | "asked") {
            if capital(at(i)) {
                while i < 3 && capital(at(i)) {
                    i += 1;
                }
            } else if at(i).starts_with(|c: char| c.is_lowercase())
                && !matches!(at(i), "on" | "in" | "at" | "late" | "early")
                && !is_determiner(at(i))
            {
                i += 1;
            }
        }
        if matches!(at(i), "in" | "at" | "during" | "to") {
            let (start, mut k) = (i, i + 1);
            if is_determiner(at(k)) {
                k += 1;
                while k < start + 4
                    && !at(k).is_empty()
                    && !matches!(at(k), "on" | "late" | "early")
                {
                    k += 1;
                }
            } else {
                while k < start + 4 && capital(at(k)) {
                    k += 1;
                }
            }
            if k > start + 1 {
                i = k;
            }
        }
        if matches!(at(i), "late" | "early") {
            i += 1;
        }
        if at(i) == "on" {
            i += 1;
        }
        i == rest.len()
    };
    (0..words.len())
        .rev()
        .any(|v| verb(words[v]) && said_then(v))
}

/// `window` may hold a word of [`REPORTING_VERBS`]: it holds the first three letters of one
/// somewhere. A quick test that lets no such word through: each verb's first three letters
/// must be listed here (a unit test checks).
fn may_hold_reporting_verb(window: &str) -> bool {
    window.as_bytes().windows(3).any(|w| {
        matches!(
            w,
            b"sai"
                | b"say"
                | b"tol"
                | b"add"
                | b"ask"
                | b"wro"
                | b"rep"
                | b"arg"
                | b"exp"
                | b"not"
                | b"sta"
                | b"rec"
                | b"ins"
        )
    })
}

/// How far back [`date_of_saying`] looks for the verb, in bytes and in words.
const SAYING_BYTES: usize = 64;
const SAYING_WORDS: usize = 8;

/// A date that opens its clause and is set off by a comma is the day of a saying where the
/// clause goes on with at most [`FRONTED_SUBJECT_WORDS`] words and a verb of
/// [`REPORTING_VERBS`] ("On Thursday, the mayor told CBC that ...", "Late Monday, police
/// said ..."). Not where a verb of its own comes first ("On Thursday, the river burst its banks,
/// police said": the banks' comma ends the look), nor "On Thursday, police said, the river rose"
/// (the verb set off by commas is an aside: the date is of what was said), nor a relative clause
/// ("On Monday, the storm that officials said ..."). `before`: the text just before the date (from
/// the body's start if `at_start`); `after`: the text from the date's end, which starts with a
/// comma.
fn fronted_saying(before: &str, at_start: bool, after: &str) -> bool {
    // Before the date: only "on", "late", "early", "and", "but", "then", back to the start of
    // the clause (a mark that ends one, or a new line).
    let mut rest = before;
    let opens_clause = loop {
        let trimmed = rest.trim_end();
        if rest
            .get(trimmed.len()..)
            .is_some_and(|gap| gap.contains('\n'))
        {
            break true;
        }
        let Some(word) = trimmed.split_whitespace().next_back() else {
            break at_start;
        };
        if word.ends_with([
            '.', ',', ';', ':', '!', '?', '"', '\u{201c}', '\u{201d}', '(',
        ]) {
            break true;
        }
        let bare = word.trim_start_matches(['"', '\u{201c}', '(']);
        if !["on", "late", "early", "and", "but", "then"]
            .iter()
            .any(|w| bare.eq_ignore_ascii_case(w))
        {
            break false;
        }
        if bare.len() < word.len() {
            break true; // "(On Thursday, ..."
        }
        rest = trimmed.get(..trimmed.len() - word.len()).unwrap_or("");
    };
    if !opens_clause {
        return false;
    }
    let mut end = after.len().min(1 + SAYING_BYTES);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    let mut words = after.get(1..end).unwrap_or("").split_whitespace();
    // "Mr.", "Dr.", "St.": a title's full stop ends no clause.
    let title = |w: &str| w.len() <= 4 && w.starts_with(|c: char| c.is_uppercase());
    for n in 0..=FRONTED_SUBJECT_WORDS {
        let Some(word) = words.next() else {
            return false;
        };
        if REPORTING_VERBS.contains(&word) {
            // "On Thursday, the company added 200 jobs": a thing added, not words.
            let added_thing = word == "added"
                && words.next().is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit()) || is_determiner(w)
                });
            return n > 0 && !added_thing;
        }
        if word.contains(|c: char| {
            !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.'))
        }) || (word.ends_with('.') && !title(word))
            || matches!(
                word,
                "that"
                    | "which"
                    | "who"
                    | "whom"
                    | "whose"
                    | "where"
                    | "when"
                    | "while"
                    | "as"
                    | "after"
                    | "before"
                    | "because"
                    | "if"
                    | "since"
                    | "until"
            )
        {
            return false;
        }
    }
    false
}

/// How many words [`fronted_saying`] lets stand between a fronted date's comma and the verb: the
/// one who speaks ("the mayor", "Mayor Jane Doe", "the city's fire chief").
const FRONTED_SUBJECT_WORDS: usize = 4;

/// Two date mentions of the sentence are precise and name different times: the sentence may
/// tell of two events ("Beijing said on Sunday ..., and soldiers cleared roads in Kowloon Tong
/// on Saturday").
fn speaks_of_two_times(in_sentence: &[DateMention]) -> bool {
    let mut precise = in_sentence.iter().filter(|m| !m.vague);
    precise
        .next()
        .is_some_and(|first| precise.any(|m| m.interval != first.interval))
}

/// The time an event takes from the date mention `dm` of the sentence's `dates` (sorted), with
/// the words it was told by: a stretch where `dm` opens one with the next date
/// ([`joined_stretch`]: "between 2015 and 2017"), else [`event_time`] of `dm` alone.
fn dated_by(
    body: &str,
    dm: &DateMention,
    dates: &[DateMention],
    published: Option<NaiveDate>,
) -> (Interval, TextSpan) {
    match joined_stretch(body, dm, dates, published) {
        Some((when, end)) => (when, TextSpan::new(dm.start..end)),
        None => (
            event_time(body, dm, published),
            TextSpan::new(dm.start..dm.end),
        ),
    }
}

/// The stretch the date mention `dm` and the next of `dates` (sorted) make where they are its
/// two ends: "between 2015 and 2017", "from 1998 to 2003", "from March 2 until May 9", "2015
/// through 2017" (the tagger reads each end as a time of its own, as a reader names each), the
/// second later than the first; and two days a few apart joined by "and" or "or" ("rain fell
/// on Thursday and Friday", "on March 3 and 4"): one happening told over both, or on one of
/// them. Two weekdays read one by one may come out in the wrong order ("polls open Saturday
/// through Monday" read on a Thursday: the Monday before): the second is then the first such
/// day after the first where that is still to come at `published`, else the first is the
/// latest such day before the second. With the stretch, where its words end.
fn joined_stretch(
    body: &str,
    dm: &DateMention,
    dates: &[DateMention],
    published: Option<NaiveDate>,
) -> Option<(Interval, usize)> {
    let k = dates.partition_point(|m| m.start < dm.end);
    let next = dates.get(k)?;
    if dm.vague || next.vague {
        return None;
    }
    if body.get(dm.end..next.start) == Some(", ") {
        return listed_days(body, dm, dates.get(k..)?);
    }
    let (mut from, mut to) = (dm.interval.from, next.interval.to);
    if next.interval.from <= dm.interval.to {
        let weekday = |m: &DateMention| {
            m.interval.granularity == Granularity::Day
                && body
                    .get(m.start..m.end)
                    .is_some_and(|w| WEEKDAY_NAMES.contains(&w))
        };
        if from == next.interval.from || !weekday(dm) || !weekday(next) {
            return None;
        }
        let weeks = Days::new(7 * ((from - next.interval.from).num_days().unsigned_abs() / 7 + 1));
        if published.is_some_and(|day| from > day) {
            to = to.checked_add_days(weeks)?;
        } else {
            from = from.checked_sub_days(weeks)?;
        }
    }
    let gap = body.get(dm.end..next.start)?;
    let mut at = dm.start.saturating_sub(STRETCH_OPENER_BYTES);
    while !body.is_char_boundary(at) {
        at += 1;
    }
    let opener = body
        .get(at..dm.start)?
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let lead = |w: &str| opener.eq_ignore_ascii_case(w);
    let days_apart = || {
        dm.interval.granularity == Granularity::Day
            && next.interval.granularity == Granularity::Day
            && (to - from).num_days() < 7
    };
    let joins = match gap.trim() {
        "and" => lead("between") || days_apart(),
        "or" => days_apart(),
        "to" | "-" | "\u{2013}" => lead("from") || lead("between"),
        "through" | "until" | "till" | "thru" => true,
        _ => false,
    };
    joins.then_some((
        Interval {
            from,
            to,
            granularity: Granularity::Span,
        },
        next.end,
    ))
}

/// The stretch of a list of three or more days that the day `dm` opens and `rest` (the dates
/// after it) goes on with, each after a comma and the last after "and" or "or" ("rain fell on
/// Monday, Tuesday and Wednesday", "on March 3, 4, and 5"): each day after the one before and
/// the last within a week of the first; one happening told over them all, as with two days.
/// With the stretch, where its words end. Reads at most [`MAX_LISTED_DAYS`] dates.
fn listed_days(body: &str, dm: &DateMention, rest: &[DateMention]) -> Option<(Interval, usize)> {
    let day = |m: &DateMention| m.interval.granularity == Granularity::Day && !m.vague;
    if !day(dm) {
        return None;
    }
    let mut last = dm;
    for m in rest.iter().take(MAX_LISTED_DAYS) {
        if !day(m) || m.interval.from <= last.interval.to {
            return None;
        }
        match body.get(last.end..m.start)? {
            ", " => last = m,
            " and " | ", and " | " or " | ", or " => {
                let stretch = Interval {
                    from: dm.interval.from,
                    to: m.interval.to,
                    granularity: Granularity::Span,
                };
                return ((stretch.to - stretch.from).num_days() < 7).then_some((stretch, m.end));
            }
            _ => return None,
        }
    }
    None
}

/// How many dates after its first [`listed_days`] reads: a week's days at most.
const MAX_LISTED_DAYS: usize = 7;

/// How far before a date [`joined_stretch`] reads for "between" or "from".
const STRETCH_OPENER_BYTES: usize = 12;

/// The time an event takes from the date mention `dm`: its interval, or, after "since" ("has
/// held out since last year", "fighting since April", "held since the start of its offensive
/// in early April"), the stretch from that time to the publication, which the sentence speaks
/// of as a whole. A time "earlier" in a stretch that holds the publication ("earlier this
/// month", "earlier this year") ends there: what the sentence tells had happened by then.
fn event_time(body: &str, dm: &DateMention, published: Option<NaiveDate>) -> Interval {
    let Some(day) = published else {
        return dm.interval;
    };
    let to_publication = Interval {
        from: dm.interval.from,
        to: day,
        granularity: Granularity::Span,
    };
    if runs_since(body, dm, published) {
        return to_publication;
    }
    // "has suspended flights till August 26": a measure in force from now to a day to come.
    if day < dm.interval.from && until_phrase(body, dm) {
        return Interval {
            from: day,
            to: dm.interval.to,
            granularity: Granularity::Span,
        };
    }
    let opens = |word: &str| {
        body.get(dm.start..)
            .and_then(|t| t.get(..word.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    if dm.interval.from < day && day < dm.interval.to {
        if opens(EARLIER) {
            return to_publication;
        }
        // "talks resume in Geneva later this month": from the publication to the month's end.
        if opens(LATER) {
            return Interval {
                from: day,
                to: dm.interval.to,
                granularity: Granularity::Span,
            };
        }
    }
    dm.interval
}

/// The date mention `dm` opens a stretch that runs to the publication, after "since" (see
/// [`event_time`]).
fn runs_since(body: &str, dm: &DateMention, published: Option<NaiveDate>) -> bool {
    published.is_some_and(|day| day > dm.interval.to) && since_phrase(body, dm)
}

/// The date mention `dm` ends a stretch: right after "until", "till" or "through" ("closed
/// until Monday", "till August 26").
fn until_phrase(body: &str, dm: &DateMention) -> bool {
    let before = body
        .get(dm.start.saturating_sub(10)..dm.start)
        .unwrap_or("")
        .trim_end();
    ["until", "till", "through"].iter().any(|w| {
        before
            .len()
            .checked_sub(w.len())
            .and_then(|at| before.get(at..).map(|t| (at, t)))
            .is_some_and(|(at, t)| {
                t.eq_ignore_ascii_case(w)
                    && (at == 0 || before.as_bytes()[at - 1].is_ascii_whitespace())
            })
    })
}

/// The word that opens a date mention of a time before the publication within a stretch that
/// holds it ("earlier this month").
const EARLIER: &str = "earlier";
/// The word that opens a date mention of a time after the publication within a stretch that
/// holds it ("later this month").
const LATER: &str = "later";

/// The date of `before` (the sentence before's, sorted) that names the happening `text` opens
/// with: "The" and, among its next three words, a noun the date qualifies there, by a
/// possessive ("Saturday's magnitude 7.2 earthquake" ... "The quake struck near Petit-Goave")
/// or "on" ("the attack on Friday" ... "The attack began at dawn"). Four words after the
/// possessive at most.
fn happening_named_before<'d>(
    body: &str,
    text: &str,
    before: &'d [DateMention],
) -> Option<&'d DateMention> {
    let opening = text.get("The ".len()..)?;
    let nouns = || {
        opening
            .split(' ')
            .take(3)
            .take_while(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
    };
    nouns().next()?;
    // "quake" of "earthquake", "attack" of "attacks": one ends the other, four letters or more.
    let same = |word: &str| {
        let w = word.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
        w.len() >= 4
            && nouns().any(|n| {
                let n = n.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
                n.len() >= 4 && (w.ends_with(n) || n.ends_with(w) || w.strip_suffix('s') == Some(n))
            })
    };
    before.iter().rev().find(|dm| {
        if dm.vague {
            return false;
        }
        let after = body.get(dm.end..).unwrap_or_default();
        let possessive = after
            .strip_prefix("'s ")
            .or_else(|| after.strip_prefix("\u{2019}s "))
            .and_then(|a| a.split(". ").next())
            .is_some_and(|a| a.split(' ').take(4).any(same));
        possessive
            || body
                .get(..dm.start)
                .and_then(|b| b.strip_suffix(" on "))
                .and_then(|b| b.rsplit(' ').next())
                .is_some_and(same)
    })
}

/// The date mention `dm` says from when in a phrase of "since" ([`after_since`]): "since 2011",
/// "since the start of its offensive in April", and "since the 2011 uprising", "since his Aug. 2
/// power grab" (a date that qualifies a happening: the stretch runs from it; the places of the
/// happening itself take its date, see [`baseline_happening`]).
fn since_phrase(body: &str, dm: &DateMention) -> bool {
    body.get(..dm.start).is_some_and(after_since)
}

/// The date mention `dm` names when a happening was: a determiner, the date, and a noun it
/// qualifies ("the 2011 uprising", "his Aug. 2 power grab").
fn names_a_happening(body: &str, dm: &DateMention) -> bool {
    let determiner = body
        .get(..dm.start)
        .and_then(|before| before.trim_end().rsplit(char::is_whitespace).next())
        .is_some_and(is_determiner);
    determiner
        && body
            .get(dm.end..)
            .and_then(|a| a.strip_prefix(' '))
            .and_then(|a| a.split(|c: char| !c.is_alphanumeric() && c != '-').next())
            .is_some_and(qualified_noun)
}

/// The date mention `dm` is the baseline of a comparison, not when anything the sentence tells
/// happened: after "than" a few words back ("more rain fell than in the whole of the previous
/// year", "higher than last year", "rather than Tuesday"; not a count, "more than 120 people
/// since March", nor a time "more than a year ago"), after "compared with" or "compared to",
/// or after "since" in a clause of a superlative or a first ("the first time it has declared
/// famine since 2017", "the worst floods since 1959", "its lowest level since March"), or
/// after a record's "set in" or "of" ("above the previous record set in 1954").
fn comparison_baseline(body: &str, dm: &DateMention) -> bool {
    let mut from = dm.start.saturating_sub(BASELINE_BYTES);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let Some(window) = body.get(from..dm.start) else {
        return false;
    };
    // "the strongest storm to hit the Philippines this year": the stretch a superlative ranks
    // within, not when the storm struck (a month or longer named by "this"; not "the biggest
    // protest on Monday", "the worst floods in May").
    if body
        .get(dm.start..dm.end)
        .is_some_and(|s| s.starts_with("this "))
        && (dm.interval.to - dm.interval.from).num_days() >= 27
    {
        return clause_before(window).split_whitespace().any(superlative);
    }
    // (Most dates have none of the words a comparison needs near them: ruled out by one scan
    // of the last bytes before the date, before the clause is cut and its words split.)
    let near = &window.as_bytes()[window.len().saturating_sub(BASELINE_NEAR_BYTES)..];
    let four = |w: &[u8; 4]| u32::from_le_bytes(*w);
    let (than, comp, ince, cord) = (four(b"than"), four(b"comp"), four(b"ince"), four(b"cord"));
    let maybe = near
        .windows(4)
        .filter_map(|w| w.first_chunk::<4>())
        .any(|w| matches!(four(w), x if x == than || x == comp || x == ince || x == cord));
    if !maybe {
        return false;
    }
    let clause = clause_before(window);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let Some(last) = words.len().checked_sub(1) else {
        return false;
    };
    // "above the town's previous record set in 1954", "beat the record of 1998": the record's
    // time is a baseline too. (Not "set a record in 2011", "a record 5,000 crossed in May":
    // the setting, the crossing is what the sentence tells.)
    if let Some(r) = words
        .iter()
        .rposition(|w| matches!(*w, "record" | "records"))
        && let [first, tail @ ..] = &words[r + 1..]
        && matches!(*first, "set" | "of" | "from" | "established")
        && tail.len() <= 2
        && tail
            .iter()
            .all(|w| matches!(*w, "in" | "on" | "back" | "the" | "during"))
    {
        return true;
    }
    // "than" or "compared with" at most BASELINE_WORDS words before the date, only words of a
    // time's phrase between ("than in the whole of", "than it did in"; not "higher than New
    // York's in February", "more than expected this year").
    let phrase_only = |rest: &[&str]| {
        rest.len() <= BASELINE_WORDS
            && rest.iter().all(|w| {
                BASELINE_PHRASE_WORDS
                    .iter()
                    .any(|b| b.eq_ignore_ascii_case(w))
            })
    };
    for (k, w) in words.iter().enumerate().rev() {
        if *w == "than" {
            // "More than 10 years ago": a time, not a baseline.
            let counted = k == last
                && k.checked_sub(1).is_some_and(|j| {
                    ["more", "less", "fewer", "over", "under"]
                        .iter()
                        .any(|c| c.eq_ignore_ascii_case(words[j]))
                });
            return phrase_only(&words[k + 1..]) && !counted;
        }
        // (After "compared with" also a count: "compared with about 165 over the same period";
        // not after "than": "more than 5,000 on Monday" is the day of the 5,000.)
        if matches!(*w, "with" | "to") && k.checked_sub(1).is_some_and(|j| words[j] == "compared") {
            let a_count = |w: &str| {
                w.bytes()
                    .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                    || matches!(
                        w,
                        "about" | "around" | "some" | "nearly" | "almost" | "roughly"
                    )
            };
            let after = &words[k + 1..];
            let skipped = after.iter().take_while(|w| a_count(w)).count();
            return phrase_only(&after[skipped..]);
        }
    }
    // "since": the superlative or "first" before it in the clause.
    if !after_since(window) {
        return false;
    }
    let Some(since) = words.iter().rposition(|w| w.eq_ignore_ascii_case("since")) else {
        return false;
    };
    words[..since].iter().copied().any(superlative)
}

/// A word of [`SUPERLATIVES`], or of seven letters or more ending in "iest" ("deadliest"),
/// punctuation around it aside.
fn superlative(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    SUPERLATIVES.contains(&w) || (w.len() > 6 && w.ends_with("iest"))
}

/// The clause that `window` (the text before a date) ends with: back to the last mark that
/// closes one, but not the full stop of an initial ("a U.S. grade school since the 2012 attack").
fn clause_before(window: &str) -> &str {
    let bytes = window.as_bytes();
    let mut end = window.len();
    while let Some(k) = window[..end].rfind([',', ';', ':', '.', '"', '(', '\u{201c}', '\u{2014}'])
    {
        let initial = bytes[k] == b'.'
            && k.checked_sub(1)
                .is_some_and(|j| bytes[j].is_ascii_uppercase())
            && k.checked_sub(2)
                .is_none_or(|j| matches!(bytes[j], b'.' | b' '));
        if !initial {
            return &window[k + window[k..].chars().next().map_or(1, char::len_utf8)..];
        }
        end = k;
    }
    window
}

/// The baseline date of `baselines` (a sentence's, sorted) whose happening `mention` is a place
/// of: the last before it, which qualifies a noun ("since the 2012 attack"), the place within
/// [`HAPPENING_PLACE_BYTES`] after it, without a stop between, nor a comma unless right after
/// another place of the happening ("in Newtown, Connecticut"); or which a clause of "when"
/// follows ("the deadliest since 1934, when 8,500 people died in Kathmandu": the place in that
/// clause, as far after its "when"). `places`: the mentions from the sentence's first on
/// (sorted; binary searches keep a long sentence linear).
fn baseline_happening<'d>(
    body: &str,
    baselines: &'d [DateMention],
    places: &[PlaceMention],
    mention: &PlaceMention,
) -> Option<&'d DateMention> {
    let k = baselines.partition_point(|dm| dm.end <= mention.start);
    let dm = baselines.get(k.checked_sub(1)?)?;
    let after = body.get(dm.end..)?;
    let noun = after.split_whitespace().next().is_some_and(qualified_noun);
    // (Where a clause of "when" follows: from its first word on.)
    let from = if noun {
        dm.end
    } else if when_clause_after(body, dm) {
        dm.end + (after.len() - after.trim_start_matches([',', ' ']).len()) + "when".len()
    } else {
        return None;
    };
    if mention.start < from || mention.start - from > HAPPENING_PLACE_BYTES {
        return None;
    }
    let gap = body.get(from..mention.start)?;
    if gap.contains(['.', ';', '(', ':']) {
        return None;
    }
    // (A comma only right after a place that follows the date, or after a name the gazetteer
    // lacks after "in" ("kidnapped in Jangebe, Zamfara State"); not one of a number, "8,500".)
    let comma_ok = match gap.rfind(", ") {
        None => true,
        Some(k) => {
            let at = from + k;
            let before = places.partition_point(|p| p.start < at);
            !gap[..k].contains(", ")
                && (before
                    .checked_sub(1)
                    .and_then(|j| places.get(j))
                    .is_some_and(|p| p.end == at && p.start > from)
                    || name_after_preposition(&gap[..k]))
        }
    };
    comma_ok.then_some(dm)
}

/// `text` ends with a capitalised word after "in", "at" or "near" ("were kidnapped in Jangebe"):
/// the name of a place, known or not.
fn name_after_preposition(text: &str) -> bool {
    let mut words = text.rsplit(' ');
    let name = words.next().unwrap_or_default();
    name.starts_with(|c: char| c.is_uppercase())
        && words
            .next()
            .is_some_and(|w| matches!(w, "in" | "at" | "near"))
}

/// How far after a baseline's date a place of its happening may stand ([`baseline_happening`]).
const HAPPENING_PLACE_BYTES: usize = 80;

/// A clause of "when" follows the date mention `dm` ("since 1987, when ten teenagers drowned in
/// Comfort", "since June, when forces pushed Haftar back to Sirte"): the date is that clause's
/// time too, not only where a stretch or a comparison starts.
fn when_clause_after(body: &str, dm: &DateMention) -> bool {
    body.get(dm.end..)
        .map(|rest| rest.trim_start_matches([',', ' ']))
        .is_some_and(|rest| rest.starts_with("when "))
}

/// How far back [`comparison_baseline`] reads, in bytes, and how many words may stand between
/// "than" and the date.
const BASELINE_BYTES: usize = 120;
const BASELINE_WORDS: usize = 6;
/// How far before the date "than", "compared" or "since" must stand for [`comparison_baseline`]
/// to read on (as far as [`after_since`] looks).
const BASELINE_NEAR_BYTES: usize = SINCE_PHRASE_BYTES;

/// The words that may stand between "than" and a date it compares with: prepositions,
/// articles and the few words of a time's phrase.
const BASELINE_PHRASE_WORDS: &[&str] = &[
    "in", "on", "at", "during", "over", "for", "of", "the", "a", "an", "whole", "all", "same",
    "period", "time", "any", "it", "they", "did", "was", "were", "had", "is", "are", "those",
    "that", "seen", "back",
];

/// Words of a clause that make a "since" after them the baseline of a comparison (with every
/// word of seven letters or more ending in "iest": "deadliest", "heaviest", "bloodiest"). Not
/// "most" ("the most powerful militia has held the town since March") nor "record" ("a record
/// 5,000 migrants have crossed since January"): the stretch is their time.
const SUPERLATIVES: &[&str] = &[
    "first",
    "worst",
    "best",
    "biggest",
    "largest",
    "highest",
    "lowest",
    "strongest",
    "longest",
    "fastest",
    "slowest",
    "greatest",
    "smallest",
    "weakest",
    "hottest",
    "coldest",
    "warmest",
    "sharpest",
    "steepest",
    "fiercest",
    "widest",
    "deepest",
];

/// A lower-case word after "the <date>" that the date qualifies ("bombing", "power-grab"), not
/// one that goes on after a time ("when", "and").
fn qualified_noun(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            word,
            "and"
                | "or"
                | "but"
                | "when"
                | "as"
                | "to"
                | "in"
                | "on"
                | "at"
                | "for"
                | "that"
                | "which"
                | "with"
                | "by"
                | "of"
                | "until"
                | "through"
                | "the"
                | "a"
                | "an"
        )
}

/// The words a date follows in a phrase of "since" (`before` ends right before the date):
/// "since", or "since" and a few words of one phrase that name no other time ("since the start
/// of its offensive in", "since the outbreak of hostilities on", "since opening in"): no stop,
/// comma or digit between, and no clause of its own.
fn after_since(before: &str) -> bool {
    let mut from = before.len().saturating_sub(SINCE_PHRASE_BYTES);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    // The last "since" or "Since" that starts a word (asked of every date of a sentence: each
    // "i" from the end, by `memrchr`, that opens "ince"; `memmem::rfind` built a two-way
    // searcher for each call, about 500 instructions a date). No "ince" overlaps another, so
    // the next "i" is looked for before this one.
    let bytes = window.as_bytes();
    let mut below = bytes.len().saturating_sub(3);
    let at = loop {
        let Some(i) = memchr::memrchr(b'i', &bytes[..below]) else {
            return false;
        };
        below = i;
        if bytes.get(i..i + 4) != Some(b"ince".as_slice()) {
            continue;
        }
        if let Some(s) = i.checked_sub(1)
            && matches!(bytes[s], b's' | b'S')
            && !window[..s].ends_with(char::is_alphanumeric)
        {
            break s;
        }
    };
    let gap = &window[at + "since".len()..];
    // A phrase, not a clause of its own: "since four agents died 15 years ago" dates the
    // deaths, "since he helped orchestrate the bailout last year" the bailout.
    let phrase = gap
        .split_whitespace()
        .next()
        .is_none_or(|w| is_determiner(w) || (w.len() > 4 && w.ends_with("ing")));
    (gap.is_empty() || gap.starts_with(char::is_whitespace))
        && phrase
        && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';' | '.' | ':' | '"'))
        && gap.split_whitespace().count() <= SINCE_PHRASE_WORDS
}

/// An article or a possessive that opens a noun phrase after "since" ("since the", "since its").
fn is_determiner(word: &str) -> bool {
    ["the", "its", "his", "her", "their", "our", "a", "an"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(word))
}

/// How far back [`after_since`] looks for "since", in bytes and in words.
const SINCE_PHRASE_BYTES: usize = 64;
const SINCE_PHRASE_WORDS: usize = 8;

/// Words after a place's name that make it the name of a treaty: "the Oslo Accords", "the
/// Dayton agreement", "the Paris climate agreement", "the Geneva Conventions". Nothing happened
/// at the place: the mention is kept, but makes no event.
const PACT_WORDS: &[&str] = &[
    "accord",
    "accords",
    "agreement",
    "agreements",
    "convention",
    "conventions",
    "protocol",
    "treaty",
];

/// Endings that make a place's name part of an adjective: "U.S.-backed forces", "a
/// Saudi-led coalition", "a Paris-based group" tell who backs, leads or hosts, not that anything
/// happened there.
const QUALIFYING_COMPOUNDS: &[&str] = &[
    "-aligned",
    "-allied",
    "-backed",
    "-based",
    "-brokered",
    "-controlled",
    "-funded",
    "-led",
    "-linked",
    "-run",
    "-sponsored",
    "-supported",
];

/// The place named at `start..end` of `body` only qualifies something else: the first part of a
/// compound of [`QUALIFYING_COMPOUNDS`], or the zone of a clock time ("by 5 a.m. Moscow time").
fn qualifies_only(body: &str, start: usize, end: usize) -> bool {
    let after = body.get(end..).unwrap_or("");
    if after.starts_with('-') {
        return QUALIFYING_COMPOUNDS.iter().any(|c| {
            after
                .get(..c.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(c))
                && !after
                    .as_bytes()
                    .get(c.len())
                    .is_some_and(u8::is_ascii_alphanumeric)
        });
    }
    // (The zone: " time" after the name, a clock's "a.m." or "p.m." or minutes before it.)
    after.strip_prefix(" time").is_some_and(|rest| {
        !rest
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
    }) && {
        let before = body
            .get(start.saturating_sub(10)..start)
            .unwrap_or("")
            .trim_end();
        let hour = ["a.m.", "p.m.", "am", "pm"]
            .iter()
            .find_map(|m| before.strip_suffix(m))
            .map(str::trim_end);
        let digits = before.as_bytes();
        hour.is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()))
            || digits.len() >= 3
                && digits[digits.len() - 3] == b':'
                && digits[digits.len() - 2..].iter().all(u8::is_ascii_digit)
    }
}

/// Capitalised words after a place's name that make it the name of a forum of states: "the
/// Minsk Group", "the Paris Club" (not "the Cambridge group of the society", a local branch).
const FORUM_WORDS: &[&str] = &["Club", "Group"];

/// The name ending at `end` names a treaty or a forum: followed by a word of [`PACT_WORDS`],
/// either case, or by one lower-case word and such a word ("the Paris climate agreement"), or
/// by a word of [`FORUM_WORDS`]; and that word ends the name ("the Tripoli Convention Center",
/// "the Dublin Convention and Visitors Bureau" name a place's venue or office).
fn names_a_pact_or_forum(body: &str, end: usize) -> bool {
    let bytes = body.as_bytes();
    // (Read by bytes: asked of every place mention, and most are followed by punctuation or a
    // word that opens no such name.)
    let word_at = |at: usize| {
        let len = bytes
            .get(at..)?
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        body.get(at..at + len).filter(|w| !w.is_empty())
    };
    let opens_one = |b: u8| matches!(b.to_ascii_lowercase(), b'a' | b'c' | b'g' | b'p' | b't');
    let pact = |w: &str| PACT_WORDS.iter().any(|p| p.eq_ignore_ascii_case(w));
    if bytes.get(end) != Some(&b' ') {
        return false;
    }
    let Some(&b) = bytes.get(end + 1) else {
        return false;
    };
    if !opens_one(b) && !b.is_ascii_lowercase() {
        return false;
    }
    let Some(first) = word_at(end + 1) else {
        return false;
    };
    let first_end = end + 1 + first.len();
    let word_end = if opens_one(b) && (pact(first) || FORUM_WORDS.contains(&first)) {
        first_end
    } else if b.is_ascii_lowercase()
        && bytes.get(first_end) == Some(&b' ')
        && bytes.get(first_end + 1).is_some_and(|&c| opens_one(c))
        && let Some(second) = word_at(first_end + 1)
        && pact(second)
    {
        first_end + 1 + second.len()
    } else {
        return false;
    };
    // What follows the word: the name goes on where a capitalised word, "and" or "&" does.
    let next = body
        .get(word_end..)
        .and_then(|a| a.strip_prefix(' '))
        .unwrap_or("");
    !(next.starts_with(|c: char| c.is_uppercase() || c == '&')
        || next.starts_with("and ")
        || next == "and")
}

/// `outer` holds all of `inner`: "this month" of a sentence dated Thursday says nothing new.
fn contains(outer: Interval, inner: Interval) -> bool {
    outer.from <= inner.from && inner.to <= outer.to
}

/// The most names a sentence or an episode keeps for matching. A sentence can list thousands of
/// names; the first few dozen decide whether it continues an episode, and a bound keeps the
/// per-sentence work linear in the sentence's length.
const MAX_KEYS: usize = 64;

/// Adds `key` to `keys` once, up to [`MAX_KEYS`].
fn push_key(keys: &mut Vec<u64>, key: u64) {
    if keys.len() < MAX_KEYS && !keys.contains(&key) {
        keys.push(key);
    }
}

/// Names that tie a sentence to an episode: its places, and capitalised words that are not
/// function words, titles or calendar words (keyed on their first four letters, lower-cased),
/// the first name first, into `keys`; the weak ones (countries and regions) also into `weak`.
fn sentence_keys(
    text: &str,
    m: &Mentions<'_>,
    places: Range<usize>,
    keys: &mut Vec<u64>,
    weak: &mut Vec<u64>,
) {
    keys.clear();
    weak.clear();
    // A place is a name: its first capitalised word ("Raqqa" of "Raqqa province"), so "Turkey"
    // meets "Turkish" and "Syria" meets "Syrian".
    for k in places {
        if m.places[k].is_demonym() {
            continue; // its word is found as a name below, as before demonyms were mentions
        }
        let surface = m.body.get(m.places[k].start..m.places[k].end).unwrap_or("");
        let word = surface
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| w.chars().next().is_some_and(char::is_uppercase));
        if let Some(key) = word.and_then(name_key) {
            push_key(keys, key);
            if m.broad.get(k).copied().unwrap_or(false) {
                push_key(weak, key);
            }
        }
    }
    let mut subject = None;
    // Names start with a capital letter after a non-letter: scan the bytes for those starts
    // (ASCII capitals; names in other scripts are found by their places only).
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts =
            bytes[i].is_ascii_uppercase() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            // Most of a sentence is lower-case: on to the next capital of the 16 bytes, or past
            // them all.
            i += step_to_capital(bytes.get(i..i + 16));
            continue;
        }
        let start = i;
        i = crate::gazetteer::names::ascii_alphanumeric_end(bytes, i);
        let word = &text[start..i];
        if word.len() < 3 || dates::is_not_a_name_at(text, start, i) {
            continue;
        }
        if let Some(key) = name_key(word) {
            subject.get_or_insert(key);
            push_key(keys, key);
        }
    }
    // The first name leads: it is most often the subject.
    if let Some(subject) = subject
        && let Some(at) = keys.iter().position(|k| *k == subject)
    {
        keys.swap(0, at);
    }
}

/// How far a scan for capitals may step over the 16 bytes `chunk`: to its first ASCII capital
/// letter (at least one byte), all 16 bytes when it has none, one byte when fewer than 16 bytes
/// are left. Each byte below 0x80 plus 0x3F has its top bit set from 'A' on, plus 0x25 from '['
/// on, and neither sum carries out of its byte; bytes from 0x80 on are masked out.
fn step_to_capital(chunk: Option<&[u8]>) -> usize {
    const LOW7: u128 = u128::from_le_bytes([0x7F; 16]);
    const TOP: u128 = u128::from_le_bytes([0x80; 16]);
    let Some(Ok(chunk)) = chunk.map(<[u8; 16]>::try_from) else {
        return 1;
    };
    let raw = u128::from_le_bytes(chunk);
    let from_a = (raw & LOW7) + u128::from_le_bytes([0x80 - b'A'; 16]);
    let past_z = (raw & LOW7) + u128::from_le_bytes([0x80 - b'Z' - 1; 16]);
    let capitals = from_a & !past_z & !raw & TOP;
    if capitals == 0 {
        16
    } else {
        ((capitals.trailing_zeros() / 8) as usize).max(1)
    }
}

/// The key of a name: its first four letters, lower-cased, hashed (FNV-1a).
fn name_key(word: &str) -> Option<u64> {
    // Most names start with four ASCII letters: no char decoding or Unicode lower-casing.
    let head = word.as_bytes().get(..4.min(word.len())).unwrap_or(&[]);
    if head.is_ascii() && (head.len() == 4 || word.is_ascii()) {
        let mut hash = FNV_OFFSET;
        for b in head {
            hash = fnv_step(hash, b.to_ascii_lowercase());
        }
        return (head.len() >= 3).then_some(hash);
    }
    name_key_of_chars(word)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// [`name_key`] character by character, whatever the script.
fn name_key_of_chars(word: &str) -> Option<u64> {
    let mut hash = FNV_OFFSET;
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase).take(4) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            hash = fnv_step(hash, b);
        }
        n += 1;
    }
    (n >= 3).then_some(hash)
}

/// Nouns of a happening that a sentence opening "The meeting ...", "This attack ..." refers back
/// to: the one the sentence before told ("Leaders agreed in Berlin on Sunday ... The meeting
/// brought together Putin, Erdogan ...").
const EVENT_NOUNS: &[&str] = &[
    "ambush",
    "assault",
    "attack",
    "attacks",
    "battle",
    "blast",
    "bombing",
    "bombings",
    "ceasefire",
    "clashes",
    "conference",
    "crash",
    "deal",
    "explosion",
    "fighting",
    "incident",
    "meeting",
    "offensive",
    "raid",
    "raids",
    "rally",
    "shelling",
    "shooting",
    "siege",
    "strike",
    "strikes",
    "summit",
    "talks",
    "truce",
    "visit",
];

/// How a sentence's opening ties it to the text before ([`continues_frame`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    /// Nothing in its opening.
    Open,
    /// A pronoun ("He expressed ..."), a quotation mark (a quote goes on in the speaker's frame)
    /// or words that tell what came right after ("Then", "Within days", "Hours later", "Soon
    /// after"; not "Later", which may be years on): the sentence just before goes on.
    Previous,
    /// A happening named as one already told ("The meeting", "The deadly attack", one word
    /// between; not "This week's attack", which has a time of its own) or one more of it ("A
    /// second blast", "Another attack"): the episode it shares a
    /// name with ("The talks in Geneva broke up" after Geneva's Thursday talks and Wednesday's
    /// arrival), else the sentence just before.
    Happening,
}

/// How the sentence's opening ties it to the text before (see [`Frame`]).
fn continues_frame(text: &str) -> Frame {
    if text.starts_with(['"', '\u{201c}', '\'', '\u{2018}']) {
        return Frame::Previous;
    }
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    if ["He", "She", "They", "His", "Her", "Their", "Then"].contains(&first) {
        return Frame::Previous;
    }
    let second = words.next().unwrap_or("");
    let right_after = match first {
        "Soon" | "Shortly" => matches!(second, "after" | "afterwards" | "afterward" | "thereafter"),
        "Within" => matches!(second, "minutes" | "hours" | "days" | "weeks"),
        "Minutes" | "Hours" | "Days" | "Weeks" => second == "later",
        _ => false,
    };
    if right_after {
        return Frame::Previous;
    }
    let happening = match first {
        "The" | "This" | "That" => {
            // Words as written between spaces: "two-day" is one.
            let mut written = text
                .split_whitespace()
                .skip(1)
                .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
            let second = written.next().unwrap_or("");
            EVENT_NOUNS.contains(&second)
                || (second.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                    && written
                        .next()
                        .is_some_and(|third| EVENT_NOUNS.contains(&third)))
        }
        // "A second blast hit ...", "Another attack killed ...": one more of a happening told.
        "A" | "An" | "Another" => {
            let mut written = text
                .split_whitespace()
                .skip(1)
                .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
            let after = if first == "Another" {
                Some(written.next().unwrap_or(""))
            } else {
                written
                    .next()
                    .filter(|w| ["second", "third", "fourth", "fifth", "further"].contains(w))
                    .map(|_| written.next().unwrap_or(""))
            };
            after.is_some_and(|w| EVENT_NOUNS.contains(&w))
        }
        _ => false,
    };
    if happening {
        Frame::Happening
    } else {
        Frame::Open
    }
}

/// The episode a sentence with `keys` continues, if any (see [`events_of`]); `not_after`: the
/// latest time it may have begun (a past-tense sentence's publication day).
fn continued_episode(
    episodes: &[Episode],
    keys: &[u64],
    weak: &[u64],
    frame: Frame,
    not_after: Option<NaiveDate>,
) -> Option<usize> {
    let possible = |e: &Episode| not_after.is_none_or(|day| e.when.from <= day);
    let mut best: Option<(usize, usize)> = None;
    for (k, e) in episodes.iter().enumerate() {
        if !possible(e) {
            continue;
        }
        // The names shared with the episode, and the strong ones among them: weak only when a
        // country or region on both sides ("Libya" and "Libya"); "Turkey" meeting "Turkish" is
        // a name. (Counted in one pass: a list of them cost an allocation per episode.)
        let (mut shared, mut strong) = (0, 0);
        for key in keys.iter().filter(|key| e.keys.contains(key)) {
            shared += 1;
            strong += usize::from(!(weak.contains(key) && e.weak.contains(key)));
        }
        // The sentence's first name (its subject, most often) counts twice.
        let subject = keys.first().is_some_and(|key| e.keys.contains(key));
        let score = shared + usize::from(subject);
        let ok = strong >= 1 || score >= 2;
        if ok && best.is_none_or(|(_, s)| score >= s) {
            best = Some((k, score));
        }
    }
    // A pronoun or a quote continues the sentence just before, if it told an episode; a
    // happening named again, the episode it shares a name with, else that sentence.
    let previous = episodes
        .len()
        .checked_sub(1)
        .filter(|&k| frame != Frame::Open && episodes[k].idle <= 1 && possible(&episodes[k]));
    let best = best.map(|(k, _)| k);
    if frame == Frame::Happening {
        best.or(previous)
    } else if frame == Frame::Previous {
        previous.or(best)
    } else {
        // "Storm Arwen felled trees on Friday. In Wales, the storm closed the Britannia Bridge."
        // A sentence in the past tense right after the telling of a day of the last week goes
        // on with it, though it names nothing of it: news tells the day's happening place by
        // place (not a sentence with no tense, nor one after a day long past).
        best.or_else(|| {
            let published = not_after?;
            let k = episodes.len().checked_sub(1)?;
            let e = &episodes[k];
            (e.idle <= 1
                && e.when.granularity == Granularity::Day
                && e.when.to <= published
                && (published - e.when.from).num_days() <= RECENT_DAYS)
                .then_some(k)
        })
    }
}

/// How many days before the publication a day told just before may be for a sentence in the
/// past tense to go on with it without naming anything of it ([`continued_episode`]).
const RECENT_DAYS: i64 = 7;

/// Extractions of a whole corpus, in article order, computed in parallel.
pub fn extract_corpus(articles: &[Article], gazetteer: &Gazetteer) -> Vec<ArticleExtraction> {
    articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| {
            extract_article(
                ArticleIdx(i as u32),
                &a.body.text(),
                a.published,
                Source::of(a),
                gazetteer,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize) -> PlaceMention {
        PlaceMention {
            start,
            end: start + 4,
            place: PlaceIdx(u32::try_from(start).unwrap_or(0)),
            confidence: 0.9,
            reason: places::Reason::Prior,
        }
    }

    #[test]
    fn a_sentence_naming_more_places_than_the_most_keeps_its_first() {
        // A list of 150 places in the first sentence, three in the second, 101 in the third.
        let mut places: Vec<PlaceMention> = (0..150).map(|i| mention(i * 6)).collect();
        places.extend([1000, 1010, 1020].map(mention));
        places.extend((0..101).map(|i| mention(2000 + i * 6)));
        let sentences = [0..990, 995..1100, 2000..2700];
        let body = "x".repeat(2700);
        let lists = keep_lists_short(&body, &mut places, &sentences);
        assert_eq!(
            lists,
            [
                ListSentence {
                    sentence: TextSpan::new(0..990),
                    places: 150
                },
                ListSentence {
                    sentence: TextSpan::new(2000..2700),
                    places: 101
                }
            ]
        );
        let starts: Vec<usize> = places.iter().map(|m| m.start).collect();
        let expected: Vec<usize> = (0..100)
            .map(|i| i * 6)
            .chain([1000, 1010, 1020])
            .chain((0..100).map(|i| 2000 + i * 6))
            .collect();
        assert_eq!(starts, expected);

        // At the most, nothing is cut.
        let mut places: Vec<PlaceMention> = (0..100).map(|i| mention(i * 6)).collect();
        assert!(keep_lists_short(&body, &mut places, std::slice::from_ref(&(0..990))).is_empty());
        assert_eq!(places.len(), 100);
    }

    #[test]
    fn a_column_of_names_one_per_line_is_one_list() {
        // "Abcd" on each of 150 lines, then a line that is a sentence, then 20 more names.
        let mut body = String::new();
        let mut sentences = Vec::new();
        let mut places = Vec::new();
        let line = |body: &mut String, text: &str| {
            let start = body.len();
            body.push_str(text);
            body.push('\n');
            start..start + text.len()
        };
        for i in 0..150 {
            let text = if i % 2 == 0 { "- Abcd" } else { "Abcd, Efgh" };
            let s = line(&mut body, text);
            places.push(mention(s.start + text.len() - 4));
            if i % 2 == 1 {
                places.insert(places.len() - 1, mention(s.start));
            }
            sentences.push(s);
        }
        let told = line(&mut body, "Fighting was reported in Abcd.");
        places.push(mention(told.start + 25));
        sentences.push(told);
        for _ in 0..20 {
            let s = line(&mut body, "Abcd");
            places.push(mention(s.start));
            sentences.push(s);
        }
        let lists = keep_lists_short(&body, &mut places, &sentences);
        assert_eq!(lists.len(), 1, "{lists:?}");
        assert_eq!(lists[0].places, 225);
        assert_eq!(
            lists[0].sentence.range(),
            sentences[0].start..sentences[149].end
        );
        // The first hundred of the column, the told sentence's place and the 20 after it.
        assert_eq!(places.len(), 100 + 1 + 20);
        assert!(
            !column_line(&body, &sentences[150], &places[100..101]),
            "a sentence with words is not a row"
        );
        let row = |text: &str| column_line(text, &(0..text.len()), &[]);
        assert!(row("Carmen Grande"), "a short line of unknown names");
        assert!(row("Sindh 1,200 45"), "a table's row");
        assert!(!row("The army withdrew."));
        assert!(!row("\"The army withdrew.\""));
        assert!(!row(&"A long line of words without an end ".repeat(3)));
    }

    #[test]
    fn a_cut_list_is_a_warning_naming_the_file_and_the_sentence() {
        let body = format!("Lists\u{1b}[2J named {} here.", "Xa, ".repeat(200));
        let article = Article {
            id: "lists".to_owned(),
            file: "corpus/lists.txt".into(),
            title: String::new(),
            outlet: None,
            byline: None,
            published: None,
            date_basis: crate::corpus::DateBasis::Undated,
            body: body.as_str().into(),
            body_offset: 0,
            note: None,
            url: None,
        };
        let x = ArticleExtraction {
            lists: vec![ListSentence {
                sentence: TextSpan::new(0..body.len()),
                places: 200,
            }],
            ..ArticleExtraction::default()
        };
        let problems = list_problems(&article, &x);
        assert_eq!(problems.len(), 1);
        let shown = problems[0].to_string();
        assert!(shown.starts_with("corpus/lists.txt: warning:"), "{shown}");
        assert!(shown.contains("200 places named"), "{shown}");
        assert!(shown.contains("first 100"), "{shown}");
        assert!(
            !shown.contains('\u{1b}'),
            "control characters are escaped: {shown}"
        );
        assert!(shown.len() < 400, "{shown}");
    }

    #[test]
    fn the_scan_for_capitals_steps_to_the_next_one() {
        let bytes: Vec<u8> = (0u8..=255)
            .chain(
                b"only lower-case words here, no capitals; then A Capital"
                    .iter()
                    .copied(),
            )
            .collect();
        for at in 0..bytes.len() {
            let chunk = bytes.get(at..at + 16);
            let naive = chunk.map_or(1, |c| {
                c.iter()
                    .position(u8::is_ascii_uppercase)
                    .map_or(16, |p| p.max(1))
            });
            assert_eq!(step_to_capital(chunk), naive, "at {at}");
        }
        assert_eq!(step_to_capital(Some(b"@[`{ abc xyz 0-9".as_slice())), 16);
        assert_eq!(step_to_capital(Some(b"said Mr Smith to".as_slice())), 5);
        assert_eq!(step_to_capital(Some(b"abc".as_slice())), 1);
    }

    #[test]
    fn name_keys_of_ascii_words_are_those_of_their_characters() {
        for word in [
            "",
            "Ab",
            "Abc",
            "ABCD",
            "Turkey",
            "Turkish",
            "TURKEY",
            "Zürich",
            "Çorum",
            "Abcé",
            "Abé",
            "İzmir",
            "ΑΘΗΝΑ",
            "a1b2c3",
        ] {
            assert_eq!(name_key(word), name_key_of_chars(word), "{word}");
        }
        assert_eq!(name_key("Turkey"), name_key("TURKISH"));
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn place(start: usize, end: usize, idx: u32) -> PlaceMention {
        PlaceMention {
            start,
            end,
            place: PlaceIdx(idx),
            confidence: 1.0,
            reason: places::Reason::OnlyCandidate,
        }
    }

    fn date(
        start: usize,
        end: usize,
        from: &str,
        to: &str,
        granularity: Granularity,
    ) -> DateMention {
        DateMention {
            start,
            end,
            interval: Interval {
                from: day(from),
                to: day(to),
                granularity,
            },
            vague: false,
        }
    }

    /// Events of `body` with `places` given as (surface, index) found in order, dates tagged.
    fn events(body: &str, places: &[(&str, u32)], published: &str) -> Vec<Event> {
        let mut found = Vec::new();
        let mut from = 0;
        for (surface, idx) in places {
            let start = from + body[from..].find(surface).expect("place in the text");
            found.push(place(start, start + surface.len(), *idx));
            from = start + surface.len();
        }
        let dates = dates::tag_dates(body, Some(day(published)));
        let broad = vec![false; found.len()];
        let sentences = sentences::split_sentences(body);
        events_of(
            ArticleIdx(0),
            &Mentions {
                body,
                places: &found,
                broad: &broad,
                dates: &dates,
            },
            &sentences,
            Some(day(published)),
        )
    }

    fn bases(events: &[Event]) -> Vec<(WhenBasis, Option<NaiveDate>)> {
        events
            .iter()
            .map(|e| (e.basis, e.when.map(|w| w.from)))
            .collect()
    }

    #[test]
    fn a_sentence_with_a_date_dates_its_places_by_that_date() {
        let body = "In Tripoli on Tuesday. Misrata is calm.";
        let e = events(body, &[("Tripoli", 1), ("Misrata", 2)], "2019-05-08");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-05-07"))),
                (WhenBasis::Publication, Some(day("2019-05-08")))
            ]
        );
        assert_eq!(e[0].date_mention.map(|m| &body[m.range()]), Some("Tuesday"));
    }

    #[test]
    fn a_sentence_of_two_times_dates_each_place_by_its_own_clause() {
        let body = "Beijing said on Sunday that it would not yield, and soldiers cleared roads in \
                    Kowloon Tong on Saturday.";
        let e = events(body, &[("Beijing", 1), ("Kowloon Tong", 2)], "2019-11-18");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-11-17"))),
                (WhenBasis::Text, Some(day("2019-11-16")))
            ]
        );
        assert_eq!(
            e[1].date_mention.map(|m| &body[m.range()]),
            Some("Saturday")
        );
        // A clause without a date keeps the sentence's; a date's own comma splits nothing.
        let body = "On Monday the envoy, who had visited Benghazi on March 31, 2019, flew to \
                    Tripoli.";
        let e = events(body, &[("Benghazi", 1), ("Tripoli", 2)], "2019-11-18");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-03-31"))),
                (WhenBasis::Text, Some(day("2019-11-18")))
            ]
        );
        // A clock time or a coarser time around the sentence's adds nothing of its own.
        let body = "On April 20, a forum meets at the Durant Center in Alexandria (7:30 p.m.).";
        let e = events(body, &[("Alexandria", 1)], "2019-04-10");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-04-20")))]);
        let body = "A bomb exploded in Baghdad on Thursday, the fifth attack in Iraq this month.";
        let e = events(body, &[("Baghdad", 1), ("Iraq", 2)], "2019-05-20");
        assert!(
            e.iter()
                .all(|e| e.when.map(|w| w.from) == Some(day("2019-05-16"))),
            "{e:?}"
        );
        // The state of an apposition is in its town's clause.
        let body = "In June, a priest was killed in Cerocahui, and last month nine people died \
                    in Tarimoro, Guanajuato.";
        let tarimoro = body.find("Tarimoro").expect("in the text");
        let state = body.find("Guanajuato").expect("in the text");
        let found = [
            PlaceMention {
                reason: places::Reason::Apposition,
                ..place(tarimoro, tarimoro + "Tarimoro".len(), 1)
            },
            PlaceMention {
                reason: places::Reason::Apposition,
                ..place(state, state + "Guanajuato".len(), 2)
            },
        ];
        let dates = dates::tag_dates(body, Some(day("2022-10-06")));
        let e = events_of(
            ArticleIdx(0),
            &Mentions {
                body,
                places: &found,
                broad: &[false, false],
                dates: &dates,
            },
            &sentences::split_sentences(body),
            Some(day("2022-10-06")),
        );
        assert!(
            e.iter()
                .all(|e| e.when.map(|w| w.from) == Some(day("2022-09-01"))),
            "{e:?}"
        );
        // One time, however many clauses: every place takes it.
        let body = "On Monday, forces shelled Sirte, and Misrata, too.";
        let e = events(body, &[("Sirte", 1), ("Misrata", 2)], "2019-11-20");
        assert!(
            e.iter()
                .all(|e| e.when.map(|w| w.from) == Some(day("2019-11-18"))),
            "{e:?}"
        );
    }

    #[test]
    fn a_clause_of_after_or_before_without_commas_keeps_its_own_date() {
        let body = "Police in Velmora arrested two men on Friday after the attack in Dastry on \
                    May 5.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2019-12-11");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-12-06"))),
                (WhenBasis::Text, Some(day("2019-05-05")))
            ]
        );
        // "and" before a past verb parts two predicates, each with its own time.
        let body = "Troops entered Velmora in October 2011 and took Dastry last year.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2013-09-24");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2011-10-01"))),
                (WhenBasis::Text, Some(day("2012-01-01")))
            ]
        );
        // A past spelled as its bare verb ("spread", "split") too.
        let body = "The trouble began in Velmora on Friday night and spread to Dastry on Saturday.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2021-04-06");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2021-04-02"))),
                (WhenBasis::Text, Some(day("2021-04-03")))
            ]
        );
        // So does "and" before a modal: two steps of a forecast, each on its day.
        let body = "The storm would pass Velmora on Thursday and could reach Dastry on Saturday.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2019-12-11");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-12-12"))),
                (WhenBasis::Text, Some(day("2019-12-14")))
            ]
        );
        // One time named: the sentence's, for both.
        let body = "Police in Velmora arrested two men on Friday after the attack in Dastry.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2019-12-11");
        assert!(
            e.iter()
                .all(|e| e.when.map(|w| w.from) == Some(day("2019-12-06"))),
            "{e:?}"
        );
    }

    #[test]
    fn a_conjunction_before_a_time_of_its_own_parts_two_events() {
        // Published Thursday 2020-03-12: last week is 03-02..03-08, Friday 03-06.
        let p = "2020-03-12";
        let body = "The army shelled Velmora last week and on Friday it entered Dastry.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], p);
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2020-03-02"))),
                (WhenBasis::Text, Some(day("2020-03-06")))
            ]
        );
        let body = "The envoy visited Velmora last week but on Friday he flew to Dastry.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], p);
        assert_eq!(e[1].when.map(|w| w.from), Some(day("2020-03-06")), "{e:?}");
        // A clause of its own keeps a past time holding the sentence's.
        for body in [
            "Rebels entered Dastry on Friday, and last week the army shelled Velmora.",
            "A court in Dastry freed two men on Friday; police had held them in Velmora last week.",
        ] {
            let e = events(body, &[("Dastry", 2), ("Velmora", 1)], p);
            assert_eq!(
                bases(&e),
                [
                    (WhenBasis::Text, Some(day("2020-03-06"))),
                    (WhenBasis::Text, Some(day("2020-03-02")))
                ],
                "{body}"
            );
        }
        // Not a stretch or two days of one time, nor a summary of the current month.
        let body = "Troops held Velmora between March 2 and March 6.";
        let e = events(body, &[("Velmora", 1)], p);
        assert_eq!(e[0].when.map(|w| w.to), Some(day("2020-03-06")), "{e:?}");
        let body =
            "A bomb hit Dastry on Friday, and it was the fifth attack in Velmora this month.";
        let e = events(body, &[("Dastry", 2), ("Velmora", 1)], p);
        assert_eq!(e[1].when.map(|w| w.from), Some(day("2020-03-06")), "{e:?}");
    }

    #[test]
    fn a_quote_in_single_marks_goes_on_with_the_day_told_before() {
        // The quote's present is not the frame's: the soldier spoke of Monday's shelling.
        let body = "Troops shelled Velmora on Monday. 'We are under fire,' a soldier in Velmora \
                    said.";
        let e = events(body, &[("Velmora", 1), ("Velmora", 1)], "2019-12-11");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-12-09"))),
                (WhenBasis::Carried, Some(day("2019-12-09")))
            ]
        );
    }

    #[test]
    fn a_relative_clause_without_commas_keeps_its_own_date() {
        // "who" after the ones it tells of: the drowning's date, not the recovery's.
        let body = "Divers on Monday recovered the bodies of migrants who drowned near Korvena \
                    in late November.";
        let e = events(body, &[("Korvena", 1)], "2019-12-11");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-11-21")))]);
        // The sentence's date after the clause's: the clause ends with its own date.
        let body = "A man who was arrested in Velmora last month was charged in Dastry on Friday.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2019-12-11");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-11-01"))),
                (WhenBasis::Text, Some(day("2019-12-06")))
            ]
        );
        // A relative clause of the subject whose sentence has only the saying's day besides:
        // when the subject happened, and what it did then.
        let body = "A fire that broke out on Christmas Eve destroyed the market in Velmora, \
                    officials said on Monday.";
        let e = events(body, &[("Velmora", 1)], "2009-12-28");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2009-12-24")))]);
        // "where" after a noun: the front's time, not the return's.
        let body = "Families who had fled Velmora and Dastry, the villages on the river where the \
                    front stood for most of last year, began to return on Thursday.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2020-06-05");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2020-06-04"))),
                (WhenBasis::Text, Some(day("2020-06-04")))
            ]
        );
        // A question of "who" is no relative clause: the place of the question is of its day,
        // the one the past perfect after it tells of is of that clause's own time.
        let body = "Police in Velmora on Monday asked who had been in Korvena in late November.";
        let e = events(body, &[("Velmora", 1), ("Korvena", 2)], "2019-12-11");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-12-09"))),
                (WhenBasis::Text, Some(day("2019-11-21")))
            ]
        );
    }

    #[test]
    fn a_relative_clause_without_that_keeps_its_own_date() {
        // Sunday 5 May 2019: the signing's month, the rejection's Friday.
        for body in [
            "The agreement Sarraj signed in Velmora last month was rejected in Dastry on Friday.",
            // The clause's subject a plural noun of those who act in news.
            "The man police arrested in Velmora last month appeared in court in Dastry on Friday.",
        ] {
            let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2019-05-05");
            assert_eq!(
                bases(&e),
                [
                    (WhenBasis::Text, Some(day("2019-04-01"))),
                    (WhenBasis::Text, Some(day("2019-05-03")))
                ],
                "{body}"
            );
        }
    }

    #[test]
    fn a_stretch_between_two_dates_dates_its_places() {
        let span = |body: &str| {
            let e = events(body, &[("Velmora", 1)], "2019-05-02");
            e[0].when.map(|w| (w.from, w.to))
        };
        assert_eq!(
            span("Turnout in Velmora rose between 2015 and 2017."),
            Some((day("2015-01-01"), day("2017-12-31")))
        );
        assert_eq!(
            span("From 2002 to 2007, farms in Velmora fell by a third."),
            Some((day("2002-01-01"), day("2007-12-31")))
        );
        // Two dates not joined as the ends of one stretch: the first.
        assert_eq!(
            span("Velmora voted in 2015 and again in 2017."),
            Some((day("2015-01-01"), day("2015-12-31")))
        );
    }

    #[test]
    fn two_days_joined_by_and_or_through_date_its_places_by_both() {
        // Thursday 7 March 2024.
        let span = |body: &str| {
            let e = events(body, &[("Velmora", 1)], "2024-03-07");
            e[0].when.map(|w| (w.from, w.to))
        };
        // A past Thursday and Friday: the Friday before publication and the day before it.
        assert_eq!(
            span("Heavy rain fell on Thursday and Friday across Velmora."),
            Some((day("2024-02-29"), day("2024-03-01")))
        );
        // Days to come, the second read on its own as the Monday past.
        assert_eq!(
            span("Polls in Velmora open Saturday through Monday."),
            Some((day("2024-03-09"), day("2024-03-11")))
        );
        assert_eq!(
            span("Flights to Velmora were cancelled on March 3 and 4 after the storm."),
            Some((day("2024-03-03"), day("2024-03-04")))
        );
        // Two days a month apart are two happenings: the first.
        assert_eq!(
            span("Strikes hit Velmora on March 3 and April 2."),
            Some((day("2024-03-03"), day("2024-03-03")))
        );
    }

    #[test]
    fn a_list_of_three_days_dates_its_places_by_all() {
        // Thursday 7 March 2024.
        let span = |body: &str| {
            let e = events(body, &[("Velmora", 1)], "2024-03-07");
            e[0].when.map(|w| (w.from, w.to))
        };
        assert_eq!(
            span("Dockers in Velmora struck on Monday, Tuesday and Wednesday."),
            Some((day("2024-03-04"), day("2024-03-06")))
        );
        assert_eq!(
            span("Markets in Velmora shut on March 1, 2, and 3 for the fair."),
            Some((day("2024-03-01"), day("2024-03-03")))
        );
        // Days over more than a week are several happenings: the first.
        assert_eq!(
            span("Velmora played on February 3, 10 and 17."),
            Some((day("2024-02-03"), day("2024-02-03")))
        );
    }

    #[test]
    fn a_date_restated_or_qualifying_a_noun_gives_way() {
        // Wednesday 11 May 2022.
        let from = |body: &str| {
            let e = events(body, &[("Velmora", 1)], "2022-05-11");
            e[0].when.map(|w| w.from)
        };
        // "first-quarter results": what the figures cover; the event is in early August.
        assert_eq!(
            from("The mill in Velmora will report first-quarter results in early August."),
            Some(day("2022-08-01"))
        );
        // A time counted back restated as a day right after it: that day.
        assert_eq!(
            from("The dam was opened in 1988. Velmora was flooded a year later, on May 2, 1989."),
            Some(day("1989-05-02"))
        );
        // Alone, a quarter dates its sentence.
        assert_eq!(
            from("Sales in Velmora fell in the first quarter."),
            Some(day("2022-01-01"))
        );
        // A year naming a happening gives way to its day, told in its clause.
        let first_from = |body: &str, published: &str| {
            let e = events(body, &[("Velmora", 1)], published);
            e[0].when.map(|w| w.from)
        };
        assert_eq!(
            first_from(
                "The 1999 flood near Velmora on August 17 had cut the road.",
                "1999-09-14"
            ),
            Some(day("1999-08-17"))
        );
        // Not to a date of another clause.
        assert_eq!(
            first_from(
                "In the 2017 vote, a court in Velmora annulled the result, and a rerun was held \
                 in October of that year.",
                "2018-05-11"
            ),
            Some(day("2017-01-01"))
        );
    }

    #[test]
    fn a_time_in_the_coming_weeks_is_still_to_come() {
        let e = events(
            "Officials in Velmora will decide in the coming weeks.",
            &[("Velmora", 1)],
            "2024-03-07",
        );
        let when = e[0].when.map(|w| (w.from, w.to > w.from));
        assert_eq!(when, Some((day("2024-03-07"), true)));
        // A day told beside it is the sentence's time.
        let e = events(
            "A summit in Velmora is unlikely in the next three months, the minister said on \
             Tuesday.",
            &[("Velmora", 1)],
            "2024-03-07",
        );
        assert_eq!(e[0].when.map(|w| w.from), Some(day("2024-03-05")));
    }

    #[test]
    fn what_had_happened_by_a_day_of_saying_is_not_of_that_day() {
        // Sunday 5 May 2019: said on Tuesday 30 April; no time of its own: the days up to it.
        let body = "The ministry said on Tuesday that forces had shelled Velmora.";
        let e = events(body, &[("Velmora", 1)], "2019-05-05");
        let when = e[0].when.expect("dated");
        assert_eq!(
            (when.from, when.to, e[0].basis),
            (day("2019-04-23"), day("2019-04-30"), WhenBasis::Text)
        );
        // With a time of its own: that time.
        let body = "The ministry said on Tuesday that forces had shelled Velmora last week.";
        let e = events(body, &[("Velmora", 1)], "2019-05-05");
        assert_eq!(e[0].when.map(|w| w.from), Some(day("2019-04-22")));
        // Going on with a happening told before: its time.
        let body = "Forces shelled Dastry on Thursday. The ministry said on Saturday that \
                    forces had shelled Velmora.";
        let e = events(body, &[("Dastry", 2), ("Velmora", 1)], "2019-05-05");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-05-02"))),
                (WhenBasis::Carried, Some(day("2019-05-02")))
            ]
        );
        // Not the place of the saying, nor a clause not in the past perfect.
        let body = "Officials in Velmora said on Tuesday that forces had shelled the port.";
        let e = events(body, &[("Velmora", 1)], "2019-05-05");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-04-30")))]);
        let body = "The ministry said on Tuesday that forces had to leave Velmora.";
        let e = events(body, &[("Velmora", 1)], "2019-05-05");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-04-30")))]);
    }

    #[test]
    fn what_had_happened_after_an_earlier_time_by_a_day_of_saying_is_between_the_two() {
        // Saturday 4 May 2019: said on Friday 3 May; the flight after Wednesday 1 May.
        let body = "Police said on Friday that the suspect had fled to Varnholm after the \
                    attack in Dorley on Wednesday.";
        let e = events(body, &[("Varnholm", 1), ("Dorley", 2)], "2019-05-04");
        let spans: Vec<_> = e.iter().map(|e| e.when.map(|w| (w.from, w.to))).collect();
        assert_eq!(
            spans,
            [
                Some((day("2019-05-01"), day("2019-05-03"))),
                Some((day("2019-05-01"), day("2019-05-01")))
            ]
        );
    }

    #[test]
    fn a_date_told_of_one_name_of_a_list_dates_not_the_names_after_it() {
        let body = "The plan was agreed after talks in Varnholm in May 2018, Dorley and Estmark.";
        let e = events(
            body,
            &[("Varnholm", 1), ("Dorley", 2), ("Estmark", 3)],
            "2019-05-02",
        );
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2018-05-01"))),
                (WhenBasis::Publication, Some(day("2019-05-02"))),
                (WhenBasis::Publication, Some(day("2019-05-02")))
            ]
        );
        // A date after the whole list is all its names'; a name set off after a date without
        // a list is no item of one.
        for body in [
            "The plan was agreed after talks in Varnholm, Dorley and Estmark in May 2018.",
            "The plan was agreed after talks in Varnholm in May 2018, Dorley, Estmark said.",
        ] {
            let e = events(
                body,
                &[("Varnholm", 1), ("Dorley", 2), ("Estmark", 3)],
                "2019-05-02",
            );
            assert!(
                e.iter()
                    .all(|e| e.when.map(|w| w.from) == Some(day("2018-05-01"))),
                "{body}"
            );
        }
    }

    #[test]
    fn a_relative_that_with_no_determiner_before_its_noun_keeps_its_own_date() {
        // A verb right after "that": the clause has no subject of its own, so "that" is
        // relative, though no "the" comes before "fighters".
        let body = "Fighters that seized Velmora in March were driven out of Dastry on Friday.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2019-05-04");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-03-01"))),
                (WhenBasis::Text, Some(day("2019-05-03")))
            ]
        );
        // A subject after "that": what was said, which keeps the sentence's date.
        let body = "Officials on Friday told reporters that troops entered Velmora on Tuesday.";
        let e = events(body, &[("Velmora", 1)], "2019-05-04");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-04-30")))]);
    }

    #[test]
    fn a_day_before_a_clause_of_that_gives_way_to_the_clause_date() {
        // Any verb that takes a clause: the confirming was on Friday, the attack on Tuesday.
        let body = "Police confirmed on Friday that gunmen attacked a bus in Velmora on Tuesday.";
        let e = events(body, &[("Velmora", 1)], "2019-05-04");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-04-30")))]);
        let body = "Officials warned residents Friday that floods would reach Velmora on Sunday.";
        let e = events(body, &[("Velmora", 1)], "2019-05-04");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-05-05")))]);
        // A relative clause that says which period: the period dates the sentence (the
        // twelve months to the March before).
        let body = "Profit in Velmora rose in the fiscal year that ended in March.";
        let e = events(body, &[("Velmora", 1)], "2019-10-30");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2018-04-01")))]);
    }

    #[test]
    fn a_date_of_a_clause_about_something_named_dates_only_that_clause() {
        // The only date of the sentence, in a "where" clause about the road: not Ain Zara's.
        let body = "Fighting has raged for months in Ain Zara and along the airport road, where \
                    the old airport was destroyed in 2014.";
        let e = events(body, &[("Ain Zara", 1)], "2019-07-03");
        assert_eq!(
            bases(&e),
            [(WhenBasis::Publication, Some(day("2019-07-03")))]
        );
        // Inside the clause, and the place the clause tells of ("X, where"; "X police, who").
        let body = "The LNA holds Sabha, while Derna was taken last year.";
        let e = events(body, &[("Sabha", 1), ("Derna", 2)], "2019-07-03");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Publication, Some(day("2019-07-03"))),
                (WhenBasis::Text, Some(day("2018-01-01")))
            ]
        );
        let body = "The strike hit Tajoura, where a centre was bombed in July.";
        let e = events(body, &[("Tajoura", 1)], "2019-09-03");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-07-01")))]);
        let body = "The case went to Raytown police, who on Monday made no statement.";
        let e = events(body, &[("Raytown", 1)], "2009-03-25");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2009-03-23")))]);
        // "which" tells of the thing the place was named with.
        let body = "The visit came amid attacks in Tunisia in 2015, which forced a state of \
                    emergency still in force in 2018.";
        let e = events(body, &[("Tunisia", 1)], "2018-04-03");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2015-01-01")))]);
        // Unless the clause has a subject of its own: it tells what was done to the place.
        let body = "Fighting has continued between Misrata and Sirte, which the LNA seized on \
                    Jan. 6.";
        let e = events(body, &[("Misrata", 1), ("Sirte", 2)], "2020-01-20");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Publication, Some(day("2020-01-20"))),
                (WhenBasis::Text, Some(day("2020-01-06")))
            ]
        );
        // A dash set off by spaces ends a clause: the dateline's parenthesis is not the
        // sentence's time.
        let body = "Edmonton, Ky. (November 28, 2016) \u{2013} Police received a call on Sunday, \
                    November 27, 2016 about a shooting in Metcalfe County.";
        let e = events(
            body,
            &[("Edmonton", 1), ("Metcalfe County", 2)],
            "2016-11-29",
        );
        assert_eq!(e[1].when.map(|w| w.from), Some(day("2016-11-27")), "{e:?}");
        // "while" with a participle is a time of the sentence's own event.
        let body = "The minister, while visiting Rome on Monday, met Haftar in Benghazi.";
        let e = events(body, &[("Rome", 1), ("Benghazi", 2)], "2019-11-20");
        assert!(
            e.iter()
                .all(|e| e.when.map(|w| w.from) == Some(day("2019-11-18"))),
            "{e:?}"
        );
    }

    #[test]
    fn a_participle_after_a_names_comma_dates_that_name_alone() {
        // The raid's month is Dorna's, not the camp's of Velka named after it.
        let body = "Refugees were held at camps such as Dorna, shelled in March, or the old \
                    barracks in Velka.";
        let e = events(body, &[("Dorna", 1), ("Velka", 2)], "2021-06-02");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2021-03-01"))),
                (WhenBasis::Publication, Some(day("2021-06-02")))
            ]
        );
        // The sentence's own verb after an apposition is its time.
        let body = "Ana Petrov, a teacher from Dorna, died on Monday in Velka.";
        let e = events(body, &[("Dorna", 1), ("Velka", 2)], "2021-06-02");
        assert!(
            e.iter()
                .all(|e| e.when.map(|w| w.from) == Some(day("2021-05-31"))),
            "{e:?}"
        );
        // A saying after the comma is the sentence's own time.
        let body = "Troops will stay in Dorna, said the minister on Monday in Velka, and go.";
        let e = events(body, &[("Dorna", 1), ("Velka", 2)], "2021-06-02");
        assert!(
            e.iter()
                .all(|e| e.when.map(|w| w.from) == Some(day("2021-05-31"))),
            "{e:?}"
        );
    }

    #[test]
    fn a_clause_opened_without_a_comma_keeps_its_date_to_itself() {
        // 2021-03-10 is a Wednesday. A relative "that" after a noun: the truce's day is not
        // the saying's, which dates the sentence's places.
        let body = "Envoys in Cairo said on Tuesday they would uphold the ceasefire that began \
                    on March 3 with Amman.";
        let e = events(body, &[("Cairo", 1), ("Amman", 2)], "2021-03-10");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2021-03-09"))),
                (WhenBasis::Text, Some(day("2021-03-03")))
            ]
        );
        // Three words between the determiner and "that": the siege's start is the clause's.
        let body = "The army said on Tuesday it took Dastry, ending a siege of the old coastal \
                    city that began almost four years ago.";
        let e = events(body, &[("Dastry", 1)], "2021-03-10");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2021-03-09")))]);
        // A clause of "since" with a subject: the loss's month, not the depot's.
        let body = "The depot, outside Kufra, has become the main store since Haftar lost Sabha \
                    in May.";
        let e = events(body, &[("Kufra", 1), ("Sabha", 2)], "2021-07-20");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Publication, Some(day("2021-07-20"))),
                (WhenBasis::Text, Some(day("2021-05-01")))
            ]
        );
        // "that" after a verb of saying opens what was said: its date is the place's.
        for body in [
            "The spokesman said that on Monday the army took Zawiya.",
            "The spokesman told reporters that the army took Zawiya on Monday.",
        ] {
            let e = events(body, &[("Zawiya", 1)], "2021-03-10");
            assert_eq!(
                bases(&e),
                [(WhenBasis::Text, Some(day("2021-03-08")))],
                "{body}"
            );
        }
    }

    #[test]
    fn the_commas_of_a_list_of_names_break_no_clause() {
        // 2021-03-08 is a Monday.
        let body = "Rossi will visit Naples on Friday, and Dupont flies to Lyon on Thursday for \
                    talks with the mayors of Nice, Lille, Metz and Brest.";
        let e = events(
            body,
            &[
                ("Naples", 1),
                ("Lyon", 2),
                ("Nice", 3),
                ("Lille", 4),
                ("Metz", 5),
                ("Brest", 6),
            ],
            "2021-03-08",
        );
        let thursday = Some(day("2021-03-11"));
        assert_eq!(e[0].when.map(|w| w.from), Some(day("2021-03-12")), "{e:?}");
        assert!(
            e[1..].iter().all(|e| e.when.map(|w| w.from) == thursday),
            "{e:?}"
        );
    }

    #[test]
    fn words_of_what_came_right_after_continue_the_sentence_before() {
        let body = "Haftar ordered his forces to march on Tripoli on April 4, 2019. Within days \
                    his troops were stopped at Ain Zara. Later they moved to Sirte.";
        let e = events(
            body,
            &[("Tripoli", 1), ("Ain Zara", 2), ("Sirte", 3)],
            "2020-06-10",
        );
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2019-04-04"))),
                (WhenBasis::Carried, Some(day("2019-04-04"))),
                (WhenBasis::Publication, Some(day("2020-06-10")))
            ]
        );
    }

    #[test]
    fn a_day_of_saying_is_not_carried_as_the_day_of_the_happening() {
        let body = "A flood swept through Carlow on Monday. The farmer told reporters on \
                    Thursday that the water rose in minutes. Volunteers in Tullow filled \
                    sandbags. A bridge in Carlow was shut.";
        let e = events(
            body,
            &[("Carlow", 1), ("Tullow", 2), ("Carlow", 1)],
            "2020-01-24",
        );
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2020-01-20"))),
                (WhenBasis::Carried, Some(day("2020-01-20"))),
                (WhenBasis::Carried, Some(day("2020-01-20")))
            ]
        );
        // So is a day of saying told before the one who speaks.
        let body = "A flood swept through Carlow on Monday. On Thursday, the farmer told CBC \
                    that the water rose in minutes. Volunteers in Tullow filled sandbags.";
        let e = events(body, &[("Carlow", 1), ("Tullow", 2)], "2020-01-24");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2020-01-20"))),
                (WhenBasis::Carried, Some(day("2020-01-20")))
            ]
        );
        // A fronted day of a happening starts its own episode.
        let body = "A flood swept through Carlow on Monday. On Thursday, the river burst its \
                    banks. Volunteers in Tullow filled sandbags.";
        let e = events(body, &[("Carlow", 1), ("Tullow", 2)], "2020-01-24");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2020-01-20"))),
                (WhenBasis::Carried, Some(day("2020-01-23")))
            ]
        );
        // Another date of the sentence is the happening's, however the saying is told.
        for body in [
            "Officials told reporters on Thursday that the river in Carlow burst on Monday.",
            "On Thursday, the mayor told CBC that the river in Carlow burst on Monday.",
            "Officials on Thursday said the river in Carlow burst on Monday.",
        ] {
            let e = events(body, &[("Carlow", 1)], "2020-01-24");
            assert_eq!(
                bases(&e),
                [(WhenBasis::Text, Some(day("2020-01-20")))],
                "{body}"
            );
        }
        // Not where that date is long before the saying: it tells a background.
        let body = "A farmer in Carlow told reporters on Thursday that he had farmed there \
                    since he bought the land in 2001.";
        let e = events(body, &[("Carlow", 1)], "2020-01-24");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2020-01-23")))]);
        // The sentence of the saying itself keeps its day.
        let body = "Officials in Carlow said on Thursday that they would open a shelter.";
        let e = events(body, &[("Carlow", 1)], "2020-01-24");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2020-01-23")))]);
    }

    #[test]
    fn a_day_of_saying_follows_the_verb_its_person_or_its_occasion() {
        let saying = |body: &str| {
            let dates = dates::tag_dates(body, Some(day("2020-01-24")));
            dates.iter().any(|dm| date_of_saying(body, dm))
        };
        for body in [
            "The farmer said on Thursday that the water rose.",
            "The farmer told reporters Thursday the water rose.",
            "The farmer told CBC News on Thursday that the water rose.",
            "The mayor said in a statement on Thursday that roads were shut.",
            "The mayor said in Carlow late Thursday that roads were shut.",
            "Officials on Thursday said roads were shut.",
        ] {
            assert!(saying(body), "{body}");
        }
        for body in [
            "The farmer said the water rose on Thursday.",
            "Water rose in Carlow on Thursday, the farmer said.",
        ] {
            assert!(!saying(body), "{body}");
        }
    }

    #[test]
    fn the_quick_test_for_a_verb_of_saying_lets_every_such_verb_through() {
        for verb in REPORTING_VERBS {
            assert!(may_hold_reporting_verb(verb), "{verb}");
            assert!(
                may_hold_reporting_verb(&format!("the mayor {verb} on")),
                "{verb}"
            );
        }
        assert!(!may_hold_reporting_verb("A flood swept through Carlow on"));
        // Where it finds none, the long reading finds none either.
        let body = "A flood swept through Carlow on Monday and a storm hit Tullow on Thursday.";
        let dates = dates::tag_dates(body, Some(day("2020-01-24")));
        assert_eq!(dates.len(), 2);
        assert!(dates.iter().all(|dm| !date_of_saying(body, dm)));
    }

    #[test]
    fn a_fronted_day_or_one_set_off_after_the_verb_is_of_the_saying() {
        let saying = |body: &str| {
            let dates = dates::tag_dates(body, Some(day("2020-01-24")));
            assert!(!dates.is_empty(), "{body}");
            dates.iter().any(|dm| date_of_saying(body, dm))
        };
        for body in [
            "On Thursday, the mayor told CBC that roads were shut.",
            "The river rose. On Thursday, the mayor said roads were shut.",
            "Late Thursday, police said roads were shut.",
            "Thursday, Mayor Jane Doe told reporters the roads were shut.",
            "On Thursday, Mr. Byrne said roads were shut.",
            "\"On Thursday, we told the council the water rose.",
            "Roads were shut, the mayor said, on Thursday, to all traffic.",
            "The mayor said, on Thursday, that roads were shut.",
            "Roads were shut, the mayor said, Thursday.",
            "On Thursday, the mayor added that roads were shut.",
        ] {
            assert!(saying(body), "{body}");
        }
        for body in [
            "On Thursday, the river burst its banks.",
            "On Thursday, the river burst its banks, the mayor said.",
            "On Thursday, the storm that officials said was weakening hit Carlow.",
            "Water rose in Carlow on Thursday, the farmer said.",
            "The water rose on Thursday, the farmer said.",
            "Water rose and on Thursday, a farmer and his neighbours and friends said so.",
            "The mayor said, on Thursday the roads were shut.",
            "The mayor said the roads, on Thursday, were shut.",
            "On Thursday, the farmer said, the water rose.",
            "On Thursday, the mill added 200 jobs.",
            "On Thursday, the mill added a night shift.",
        ] {
            assert!(!saying(body), "{body}");
        }
    }

    #[test]
    fn a_past_sentence_does_not_carry_a_time_still_to_come() {
        let body = "Germany will host a summit in Berlin on Sunday. Conte, who met Haftar in Rome \
                    last week, said Italy backed the summit in Berlin.";
        let e = events(
            body,
            &[("Berlin", 1), ("Rome", 2), ("Italy", 3)],
            "2020-01-14",
        );
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Text, Some(day("2020-01-19"))),
                (WhenBasis::Text, Some(day("2020-01-06"))),
                (WhenBasis::Publication, Some(day("2020-01-14")))
            ]
        );
    }

    #[test]
    fn a_time_after_since_runs_to_the_publication() {
        let body = "Militias have held Tarhuna since last year.";
        let e = events(body, &[("Tarhuna", 1)], "2020-04-14");
        let when = e[0].when.expect("dated");
        assert_eq!((when.from, when.to), (day("2019-01-01"), day("2020-04-14")));
        assert_eq!(when.granularity, Granularity::Span);
        // Without "since" the year is the year.
        let body = "Militias took Tarhuna last year.";
        let e = events(body, &[("Tarhuna", 1)], "2020-04-14");
        assert_eq!(e[0].when.map(|w| w.to), Some(day("2019-12-31")));
        // "since" a few words before the date opens the same stretch; a comma or another
        // number between ends the phrase.
        let body =
            "Gharyan had been held by the LNA since the start of its offensive in early April.";
        let e = events(body, &[("Gharyan", 1)], "2019-06-27");
        let when = e[0].when.expect("dated");
        assert_eq!((when.from, when.to), (day("2019-04-01"), day("2019-06-27")));
        let body = "The worst clashes since 2014 broke out in Gharyan on Monday.";
        let e = events(body, &[("Gharyan", 1)], "2019-06-27");
        assert_ne!(e[0].when.map(|w| w.to), Some(day("2019-06-27")), "{e:?}");
        // A date that qualifies a happening dates the happening's places; the stretch from
        // it runs to the publication for the others.
        let body = "He has been on the run since the January 1998 bombing in Gharyan.";
        let e = events(body, &[("Gharyan", 1)], "2019-06-27");
        assert_eq!(e[0].when.map(|w| w.to), Some(day("1998-01-31")), "{e:?}");
        let body = "Life in Gharyan has changed since the 2011 uprising.";
        let e = events(body, &[("Gharyan", 1)], "2019-06-27");
        let when = e[0].when.expect("dated");
        assert_eq!((when.from, when.to), (day("2011-01-01"), day("2019-06-27")));
        // (A word after a bare date is no happening it names: "since 2003 while serving".)
        let body = "He is the fifth man killed since 2003 while serving in Gharyan.";
        let e = events(body, &[("Gharyan", 1)], "2019-06-27");
        assert_eq!(e[0].when.map(|w| w.to), Some(day("2019-06-27")), "{e:?}");
        // A clause of "when" after the date tells what happened then.
        let body = "The front has been static since June, when forces pushed back to Gharyan.";
        let e = events(body, &[("Gharyan", 1)], "2019-10-23");
        let when = e[0].when.expect("dated");
        assert_eq!((when.from, when.to), (day("2019-06-01"), day("2019-06-30")));
        let body = "Since the truce, fighters returned to Gharyan in early April.";
        let e = events(body, &[("Gharyan", 1)], "2019-06-27");
        assert_eq!(e[0].when.map(|w| w.to), Some(day("2019-04-10")), "{e:?}");
    }

    #[test]
    fn a_stretch_since_a_date_is_no_episode_for_the_next_sentences() {
        let body = "Forces retook Tarhuna on Friday. Tarhuna had been a base of the LNA since \
                    April 2019. The LNA withdrew to Bani Walid.";
        let e = events(body, &[("Tarhuna", 2), ("Bani Walid", 1)], "2020-06-12");
        let bani_walid = e.last().expect("an event");
        assert_eq!(bani_walid.basis, WhenBasis::Publication, "{e:?}");
        // Without "since" the year starts an episode that the next sentence continues.
        let body = "Forces retook Tarhuna on Friday. The LNA took Tarhuna in April 2019. The \
                    LNA withdrew to Bani Walid.";
        let e = events(body, &[("Tarhuna", 2), ("Bani Walid", 1)], "2020-06-12");
        let bani_walid = e.last().expect("an event");
        assert_eq!(bani_walid.basis, WhenBasis::Carried, "{e:?}");
    }

    #[test]
    fn a_treaty_or_forum_named_for_a_place_makes_no_event_there() {
        for (body, name) in [
            (
                "The Minsk Group co-chairs met in Moscow on Monday.",
                "Minsk",
            ),
            ("Iran breached the Paris climate agreement.", "Paris"),
            ("Both sides violated the Geneva Conventions.", "Geneva"),
            ("The Dayton agreement ended the war.", "Dayton"),
        ] {
            let e = events(body, &[(name, 1)], "2020-10-15");
            assert!(e.is_empty(), "{body}: {e:?}");
        }
        // A venue or office of the place, a local branch, and the place itself are events.
        for (body, name) in [
            ("The Tripoli Convention Center hosted talks.", "Tripoli"),
            ("The Dublin Convention and Visitors Bureau said.", "Dublin"),
            ("The Cambridge group of the society met.", "Cambridge"),
            ("Leaders signed the accord in Paris.", "Paris"),
        ] {
            let e = events(body, &[(name, 1)], "2020-10-15");
            assert_eq!(e.len(), 1, "{body}: {e:?}");
        }
    }

    #[test]
    fn a_place_named_only_in_an_organisations_name_makes_no_event() {
        // (Place 1 in an organisation's name, place 2 a place.)
        let body = "Bank of Montreal said on Tuesday it would cut 500 jobs. The bank's chief \
                    spoke in Toronto.";
        let e = events(body, &[("Montreal", 1), ("Toronto", 2)], "2019-05-02");
        assert_eq!(
            e.iter().map(|e| e.place.0).collect::<Vec<_>>(),
            [2],
            "{e:?}"
        );
        let body = "Shares of the Royal Bank of Canada rose on Tuesday.";
        assert!(events(body, &[("Canada", 1)], "2019-05-02").is_empty());
        // Named as a place too, it makes its events in the organisation's sentence as well.
        let body = "Workers of the Bank of Montreal struck on Tuesday. Crowds filled Montreal.";
        let e = events(body, &[("Montreal", 1), ("Montreal", 1)], "2019-05-02");
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn a_past_sentence_right_after_a_recent_day_goes_on_with_it() {
        let body = "Storm Arwen hit Aberdeen on Friday. In Wales, the storm closed a bridge \
                    near Bangor.";
        let e = events(
            body,
            &[("Aberdeen", 1), ("Wales", 2), ("Bangor", 3)],
            "2021-11-29",
        );
        assert_eq!(
            bases(&e)[1..],
            [
                (WhenBasis::Carried, Some(day("2021-11-26"))),
                (WhenBasis::Carried, Some(day("2021-11-26")))
            ],
            "{e:?}"
        );
        // Not a sentence in the present tense, nor after a day long past.
        for (body, published) in [
            (
                "Storm Arwen hit Aberdeen on Friday. In Wales, the bridge is closed.",
                "2021-11-29",
            ),
            (
                "Storm Arwen hit Aberdeen on Nov. 2. In Wales, the storm closed a bridge.",
                "2021-11-29",
            ),
        ] {
            let e = events(body, &[("Aberdeen", 1), ("Wales", 2)], published);
            assert_eq!(e[1].basis, WhenBasis::Publication, "{body}: {e:?}");
        }
    }

    #[test]
    fn a_sentence_opening_with_a_happening_named_before_takes_its_day() {
        // The quake of the sentence before is Saturday's, not the day of its toll.
        for body in [
            "Rescuers in Valencia searched on Monday as the toll from Saturday's magnitude 7.2 \
             earthquake rose. The quake struck near Chiva.",
            "Police in Valencia said on Monday that the attack on Saturday was planned. The \
             attack began at a market in Chiva.",
        ] {
            let e = events(body, &[("Valencia", 1), ("Chiva", 2)], "2021-08-16");
            assert_eq!(
                bases(&e)[1],
                (WhenBasis::Carried, Some(day("2021-08-14"))),
                "{body}"
            );
        }
        // Another opening goes on with the sentence before's day.
        let body = "Rescuers in Valencia searched on Monday as the toll from Saturday's earthquake \
                    rose. The army flew to Chiva.";
        let e = events(body, &[("Valencia", 1), ("Chiva", 2)], "2021-08-16");
        assert_eq!(e[1].when.map(|w| w.from), Some(day("2021-08-16")), "{e:?}");
    }

    #[test]
    fn a_place_of_the_happening_a_baseline_dates_is_of_that_time() {
        let body = "The shooting in Chiva on Tuesday was the deadliest since the 2012 attack at \
                    a school in Newtown, Connecticut.";
        let e = events(
            body,
            &[("Chiva", 1), ("Newtown", 2), ("Connecticut", 3)],
            "2022-05-25",
        );
        assert_eq!(e[0].when.map(|w| w.from), Some(day("2022-05-24")), "{e:?}");
        for k in [1, 2] {
            assert_eq!(e[k].when.map(|w| w.to), Some(day("2012-12-31")), "{e:?}");
        }
        // A place after a name the gazetteer lacks, in the clause of "when".
        let body = "It was the largest abduction since 2021, when 279 girls were kidnapped in \
                    Harnuva, Chiva State.";
        let e = events(body, &[("Chiva", 1)], "2024-03-08");
        assert_eq!(e[0].when.map(|w| w.to), Some(day("2021-12-31")), "{e:?}");
        // Not a place after the comparison's clause, nor one of a baseline with no happening.
        for body in [
            "Rain in Chiva on Tuesday was the heaviest since the 1957 floods, officials in \
             Newtown said.",
            "Rain in Chiva on Tuesday was the heaviest since 1957 in Newtown.",
        ] {
            let e = events(body, &[("Chiva", 1), ("Newtown", 2)], "2022-05-25");
            assert_eq!(
                e[1].when.map(|w| w.from),
                Some(day("2022-05-24")),
                "{body}: {e:?}"
            );
        }
    }

    #[test]
    fn the_baseline_of_a_comparison_dates_nothing() {
        // The day said, not the year of the superlative's "since"; no date, not the year
        // compared with.
        let body = "A hunger monitor declared famine in Zamzam on Thursday, the first time it \
                    has done so anywhere since 2017.";
        let e = events(body, &[("Zamzam", 1)], "2024-08-02");
        assert_eq!(e[0].when.map(|w| w.from), Some(day("2024-08-01")), "{e:?}");
        for body in [
            "More rain fell in Chiva in eight hours than in the whole of the previous year.",
            "Unemployment in Chiva was higher than last year.",
            "Chiva saw its heaviest rain since 1957.",
            "Chiva had 400 fewer students compared with September 1998.",
            "Chiva counted 486 deaths, compared with about 165 over the same period in 2020.",
            "It was the strongest storm to hit Chiva this year.",
            "The shooting in Chiva was the deadliest at a U.S. school since the 2012 attack.",
            "The river in Chiva peaked two metres above the previous record set in 1954.",
            "The river in Chiva peaked above the record of 1954.",
        ] {
            let e = events(body, &[("Chiva", 1)], "2024-10-31");
            assert_eq!(e[0].basis, WhenBasis::Publication, "{body}: {e:?}");
        }
        // A place of the clause of "when" after a baseline is of its time; one before it is
        // of the sentence's own time.
        let body = "The quake was the deadliest in Chiva since 1934, when 8,500 people died in \
                    Valencia.";
        let e = events(body, &[("Chiva", 1), ("Valencia", 2)], "2009-03-30");
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Publication, Some(day("2009-03-30"))),
                (WhenBasis::Text, Some(day("1934-01-01")))
            ]
        );
        // Not a baseline: a time after "more than", a comparison of places, a count, a
        // stretch of a state, the time of the clause after it.
        for (body, to) in [
            ("More than 10 years ago, Chiva had a school.", "1999-12-31"),
            ("Chiva was wetter than Valencia in January.", "2009-01-31"),
            (
                "More than 120 people died in Chiva since January.",
                "2009-03-30",
            ),
            (
                "The most powerful militia has held Chiva since January.",
                "2009-03-30",
            ),
            (
                "It was the first win since January, when a man in Chiva won.",
                "2009-01-31",
            ),
            (
                "Tuition in Chiva was more than expected this year.",
                "2009-12-31",
            ),
            (
                "Prices in Chiva rose more than 5,000 on Monday.",
                "2009-03-30",
            ),
            (
                "The biggest protest in Chiva came in January.",
                "2009-01-31",
            ),
            ("The strongest storms hit Chiva this week.", "2009-04-05"),
            ("A runner from Chiva set a record in 1998.", "1998-12-31"),
            (
                "A record 5,000 people crossed at Chiva in January.",
                "2009-01-31",
            ),
        ] {
            let e = events(body, &[("Chiva", 1)], "2009-03-30");
            assert_eq!(e[0].basis, WhenBasis::Text, "{body}: {e:?}");
            assert_eq!(e[0].when.map(|w| w.to), Some(day(to)), "{body}: {e:?}");
        }
    }

    #[test]
    fn earlier_this_month_ends_at_the_publication() {
        let body = "He visited Benghazi earlier this month.";
        let e = events(body, &[("Benghazi", 1)], "2019-07-04");
        let when = e[0].when.expect("dated");
        assert_eq!((when.from, when.to), (day("2019-07-01"), day("2019-07-04")));
        // "later": from the publication on.
        let body = "He will visit Benghazi later this month.";
        let e = events(body, &[("Benghazi", 1)], "2019-07-04");
        let when = e[0].when.expect("dated");
        assert_eq!((when.from, when.to), (day("2019-07-04"), day("2019-07-31")));
        // Without "earlier" the month is the month.
        let body = "He will visit Benghazi this month.";
        let e = events(body, &[("Benghazi", 1)], "2019-07-04");
        assert_eq!(e[0].when.map(|w| w.to), Some(day("2019-07-31")), "{e:?}");
    }

    #[test]
    fn since_is_read_only_as_a_word_and_within_its_phrase() {
        assert!(after_since("held since "));
        assert!(after_since("Since the start of its offensive in "));
        assert!(!after_since("his sincere apologies in "));
        assert!(!after_since("convinced since, in "));
        assert!(!after_since(
            "since the start of a long, long offensive in "
        ));
        assert!(!after_since(
            "held since then and for one two three four five six seven in "
        ));
        assert!(after_since("sold 22,000 since opening in "));
        assert!(!after_since(
            "the biggest loss since four federal agents died "
        ));
        assert!(!after_since(
            "criticized since he helped orchestrate the bailout "
        ));
        // (A window that starts inside a character is moved to the next boundary.)
        assert!(!after_since(&format!("{} in ", "é".repeat(40))));
    }

    #[test]
    fn a_place_named_twice_in_a_sentence_is_one_event() {
        let places = [place(0, 5, 1), place(10, 15, 1), place(20, 25, 2)];
        let body = "x".repeat(30);
        let events = events_of(
            ArticleIdx(3),
            &Mentions {
                body: &body,
                places: &places,
                broad: &[false; 3],
                dates: &[],
            },
            std::slice::from_ref(&(0..30)),
            Some(day("2020-02-19")),
        );
        assert_eq!(
            events.iter().map(|e| e.place.0).collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert!(events.iter().all(|e| e.article == ArticleIdx(3)));
    }

    #[test]
    fn an_undated_article_gives_undated_events_unless_the_sentence_has_a_date() {
        let places = [place(0, 5, 1), place(20, 25, 2)];
        let dates = [date(30, 44, "2011-01-01", "2011-12-31", Granularity::Year)];
        let body = "x".repeat(50);
        let events = events_of(
            ArticleIdx(0),
            &Mentions {
                body: &body,
                places: &places,
                broad: &[false; 2],
                dates: &dates,
            },
            &[0..10, 11..50],
            None,
        );
        assert_eq!(events[0].basis, WhenBasis::Undated);
        assert_eq!(events[0].when, None);
        assert_eq!(events[1].basis, WhenBasis::Text);
    }

    #[test]
    fn a_past_sentence_sharing_a_name_carries_the_episode_time() {
        let body = "Last year, in October, Putin spoke to his Turkish counterpart. \
                    Turkey launched an assault in Syria. The Syrian army entered Tabqa.";
        let e = events(
            body,
            &[("Turkey", 1), ("Syria", 2), ("Tabqa", 3)],
            "2020-02-19",
        );
        assert!(e.iter().all(|e| e.basis == WhenBasis::Carried), "{e:?}");
        assert!(
            e.iter()
                .all(|e| e.when.map(|w| w.from) == Some(day("2019-10-01")))
        );
        assert_eq!(
            e[2].date_mention.map(|m| &body[m.range()]),
            Some("Last year, in October")
        );
    }

    #[test]
    fn a_background_is_not_carried_into_the_news_of_a_later_paragraph() {
        let body = "Commander Belkor seized the port of Kelbin in September 2016.\n\
                    Western envoys, who met in Vienna, called for calm.\n\
                    The ambassador in Rome said the closure would hurt families.\n\
                    In Madrid, the minister spoke to Belkor by phone.";
        let e = events(
            body,
            &[("Kelbin", 1), ("Vienna", 2), ("Rome", 3), ("Madrid", 4)],
            "2020-01-20",
        );
        assert_eq!(e[0].basis, WhenBasis::Text, "{e:?}");
        assert_eq!(e[3].basis, WhenBasis::Publication, "{e:?}");
        assert_eq!(e[3].when.map(|w| w.from), Some(day("2020-01-20")));
        // The sentence right after it goes on with it across the break.
        let body = "Commander Belkor seized the port of Kelbin in September 2016.\n\
                    He handed it to Belkor's allies in Tarsa.";
        let e = events(body, &[("Kelbin", 1), ("Tarsa", 2)], "2020-01-20");
        assert_eq!(e[1].basis, WhenBasis::Carried, "{e:?}");
        assert_eq!(e[1].when.map(|w| w.from), Some(day("2016-09-01")));
    }

    #[test]
    fn a_happening_named_as_the_one_just_told_carries_its_time() {
        let body = "Leaders met in Berlin on Sunday. The meeting brought together envoys from \
                    Russia and Algeria. The deadly blast hit Sirte. Egypt sent aid.";
        let e = events(
            body,
            &[
                ("Berlin", 1),
                ("Russia", 2),
                ("Algeria", 3),
                ("Sirte", 4),
                ("Egypt", 5),
            ],
            "2020-01-20",
        );
        assert!(
            e[1..4].iter().all(|e| e.basis == WhenBasis::Carried),
            "{e:?}"
        );
        assert!(
            e[1..4]
                .iter()
                .all(|e| e.when.map(|w| w.from) == Some(day("2020-01-19")))
        );
        // Neither a name shared nor a happening named: the day just told goes on, a day of
        // the last week (see the next tests).
        assert_eq!(e[4].basis, WhenBasis::Carried);
        // One word between at most, and a happening of its own time is not the one just told.
        assert_eq!(
            continues_frame("The two-hour meeting ended."),
            Frame::Happening
        );
        assert_eq!(
            continues_frame("The long two-hour meeting ended."),
            Frame::Open
        );
        assert_eq!(
            continues_frame("This week's attack was the worst."),
            Frame::Open
        );
        assert_eq!(
            continues_frame("The Syrian army entered Tabqa."),
            Frame::Open
        );
        assert_eq!(
            continues_frame("\u{201c}We won,\u{201d} he said."),
            Frame::Previous
        );
        // One more of a happening told.
        for opening in ["A second blast hit a hotel.", "Another attack killed two."] {
            assert_eq!(continues_frame(opening), Frame::Happening, "{opening}");
        }
        for opening in [
            "A blast hit a hotel.",
            "A second team arrived.",
            "Another day passed.",
        ] {
            assert_eq!(continues_frame(opening), Frame::Open, "{opening}");
        }
    }

    #[test]
    fn a_switch_to_the_present_ends_the_episode() {
        let body = "On Tuesday Turkish troops entered Tabqa. Turkey has captured Raqqa. \
                    Turkish troops entered Manbij.";
        let e = events(
            body,
            &[("Tabqa", 1), ("Turkey", 2), ("Raqqa", 3), ("Manbij", 4)],
            "2020-02-19",
        );
        assert_eq!(e[0].basis, WhenBasis::Text);
        assert_eq!(e[1].basis, WhenBasis::Publication);
        assert_eq!(e[2].basis, WhenBasis::Publication);
        assert_eq!(e[3].basis, WhenBasis::Publication);
    }

    #[test]
    fn a_statement_of_what_lasts_carries_no_date() {
        let body = "Chad and Niger plan to open a crossing near Kufra early next year. The \
                    frontier with Niger runs through the desert south of Kufra.";
        let e = events(
            body,
            &[
                ("Chad", 1),
                ("Niger", 2),
                ("Kufra", 3),
                ("Niger", 2),
                ("Kufra", 3),
            ],
            "2021-03-10",
        );
        assert_eq!(
            bases(&e[3..]),
            [
                (WhenBasis::Publication, Some(day("2021-03-10"))),
                (WhenBasis::Publication, Some(day("2021-03-10")))
            ]
        );
    }

    #[test]
    fn a_past_sentence_without_shared_names_takes_the_publication_date() {
        // After a day long past (a sentence right after a day of the last week goes on with
        // it: [`a_past_sentence_right_after_a_recent_day_goes_on_with_it`]).
        let body = "On April 2 Conte met Sarraj in Rome. Fighting closed Mitiga airport.";
        let e = events(body, &[("Rome", 1), ("Mitiga", 2)], "2019-05-08");
        assert_eq!(e[1].basis, WhenBasis::Publication);
    }

    #[test]
    fn an_episode_resumes_after_a_flashback_to_another_date() {
        let body = "Conte spoke in Rome on Tuesday. The battle for Tripoli began on April 5. \
                    Conte described the fighting in Tripoli as a stalemate.";
        let e = events(
            body,
            &[("Rome", 1), ("Tripoli", 2), ("Tripoli", 2)],
            "2019-05-08",
        );
        assert_eq!(e[2].basis, WhenBasis::Carried);
        assert_eq!(e[2].when.map(|w| w.from), Some(day("2019-05-07")));
    }

    #[test]
    fn a_clause_of_a_later_day_ends_the_episode_told_before() {
        // The main clause of the second sentence is not of Monday: its relative clause tells
        // of Thursday, so the story has moved on; the third sentence has nothing to go on with.
        let body = "Rebels shelled Velmora and Norland's border posts on Monday. The governor, \
                    who toured Dastry on Thursday, urged Norland to send troops. Shelling hit \
                    Velmora again, officials said.";
        let e = events(
            body,
            &[
                ("Velmora", 1),
                ("Norland", 2),
                ("Dastry", 3),
                ("Norland", 2),
                ("Velmora", 1),
            ],
            "2019-05-10",
        );
        assert_eq!(
            bases(&e[2..]),
            [
                (WhenBasis::Text, Some(day("2019-05-09"))),
                (WhenBasis::Publication, Some(day("2019-05-10"))),
                (WhenBasis::Publication, Some(day("2019-05-10"))),
            ]
        );
        // A clause of an earlier time leaves the episode to go on.
        let body = "Rebels shelled Velmora and Norland's border posts on Monday. The governor, \
                    who toured Dastry in 2015, urged Norland to send troops.";
        let e = events(
            body,
            &[
                ("Velmora", 1),
                ("Norland", 2),
                ("Dastry", 3),
                ("Norland", 2),
            ],
            "2019-05-10",
        );
        assert_eq!(
            bases(&e[3..]),
            [(WhenBasis::Carried, Some(day("2019-05-06")))]
        );
    }

    #[test]
    fn a_place_that_only_qualifies_something_makes_no_event() {
        let body = "Norland-backed fighters and a Dastry-based charity reached Velmora on \
                    Monday by 6 a.m. Korvena time.";
        let e = events(
            body,
            &[
                ("Norland", 2),
                ("Dastry", 3),
                ("Velmora", 1),
                ("Korvena", 4),
            ],
            "2019-05-08",
        );
        assert_eq!(e.iter().map(|e| e.place).collect::<Vec<_>>(), [PlaceIdx(1)]);
        // A name before a hyphen of another word, or before "time" without a clock, stays.
        let body = "Norland-Dastry talks opened in Velmora on Monday; Korvena time and again \
                    refused.";
        let e = events(
            body,
            &[
                ("Norland", 2),
                ("Dastry", 3),
                ("Velmora", 1),
                ("Korvena", 4),
            ],
            "2019-05-08",
        );
        assert_eq!(e.len(), 4);
    }

    #[test]
    fn a_measure_in_force_until_a_day_to_come_runs_from_the_publication() {
        let body = "Authorities imposed a curfew on Velmora until Friday. Dastry stays shut \
                    through May 20. Korvena was closed until May 2.";
        let e = events(
            body,
            &[("Velmora", 1), ("Dastry", 2), ("Korvena", 3)],
            "2019-05-06",
        );
        let spans: Vec<_> = e.iter().map(|e| e.when.map(|w| (w.from, w.to))).collect();
        assert_eq!(
            spans,
            [
                Some((day("2019-05-06"), day("2019-05-10"))),
                Some((day("2019-05-06"), day("2019-05-20"))),
                // (A day already past is when the closure ended: the day itself.)
                Some((day("2019-05-02"), day("2019-05-02"))),
            ]
        );
    }

    #[test]
    fn a_present_clause_before_a_dated_and_clause_is_of_now() {
        let body = "Norland has 900 soldiers in Velmora, and Korvena sent troops to Dastry in \
                    March.";
        let e = events(
            body,
            &[
                ("Norland", 1),
                ("Velmora", 2),
                ("Korvena", 3),
                ("Dastry", 4),
            ],
            "2019-05-06",
        );
        assert_eq!(
            bases(&e),
            [
                (WhenBasis::Publication, Some(day("2019-05-06"))),
                (WhenBasis::Publication, Some(day("2019-05-06"))),
                (WhenBasis::Text, Some(day("2019-03-01"))),
                (WhenBasis::Text, Some(day("2019-03-01"))),
            ]
        );
        // A past first clause shares the date.
        let body = "Norland sent 900 soldiers to Velmora, and Korvena sent troops to Dastry in \
                    March.";
        let e = events(body, &[("Velmora", 2), ("Dastry", 4)], "2019-05-06");
        assert_eq!(bases(&e)[0], (WhenBasis::Text, Some(day("2019-03-01"))));
    }

    #[test]
    fn a_credit_line_dates_no_place() {
        let body = "Floods cut Velmora on Monday. (Reporting by Ann Lee in Dastry; Additional \
                    reporting by Tom Fox in Korvena; Editing by Jo Ray)\nWire writer Lia Moss in \
                    Brelo contributed to this report.";
        let e = events(
            body,
            &[("Velmora", 1), ("Dastry", 2), ("Korvena", 3), ("Brelo", 4)],
            "2019-05-08",
        );
        assert_eq!(e.iter().map(|e| e.place).collect::<Vec<_>>(), [PlaceIdx(1)]);
        // A sentence that only starts like one is read.
        let body = "Reports by Ann Lee put Velmora under water on Monday.";
        assert_eq!(events(body, &[("Velmora", 1)], "2019-05-08").len(), 1);
    }

    #[test]
    fn a_dateline_date_gives_way_to_the_date_the_sentence_speaks_of() {
        let body = "ROME, May 8 (AKI): Conte said on Tuesday he met Sarraj in Rome.";
        let e = events(body, &[("ROME", 1), ("Rome", 1)], "2019-05-08");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-05-07")))]);
    }

    #[test]
    fn a_sentence_without_a_date_is_of_the_day_the_dateline_gives() {
        // Filed on October 3, 2019, republished in 2020: the text's today is the dateline's.
        let body = "DASTRY, Oct. 3, 2019 (Reuters) - Prices rose. Trucks queue in Velmora.";
        let e = events(body, &[("DASTRY", 1), ("Velmora", 2)], "2020-11-20");
        assert_eq!(
            bases(&e)[1],
            (WhenBasis::Publication, Some(day("2019-10-03"))),
            "{e:?}"
        );
    }

    #[test]
    fn a_dateline_set_off_by_a_hyphen_gives_way_to_the_day_the_sentence_speaks_of() {
        // Plain text writes the dateline's dash as a hyphen; the strike was on the Sunday before.
        let body = "VELMORA, Norland, May 8 - A drone hit a school in Velmora on Sunday night.";
        let e = events(body, &[("VELMORA", 1), ("Velmora", 1)], "2019-05-08");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-05-05")))]);
        // Not a hyphen after a date in a sentence's words.
        let body = "Flights resumed at Velmora on May 8 - and stopped again on Sunday.";
        let e = events(body, &[("Velmora", 1)], "2019-05-09");
        assert_eq!(bases(&e), [(WhenBasis::Text, Some(day("2019-05-08")))]);
    }

    #[test]
    fn a_place_of_a_happening_a_lag_goes_back_to_is_of_that_many_days_before() {
        let body = "Forces took Velmora on Monday. The advance came two days after a drone \
                    strike on a school in Dastry killed ten cadets, and as talks opened in \
                    Korvena.";
        let e = events(
            body,
            &[("Velmora", 1), ("Dastry", 2), ("Korvena", 3)],
            "2020-01-07",
        );
        let days: Vec<_> = e.iter().map(|e| e.when.map(|w| w.from)).collect();
        assert_eq!(
            days,
            [
                Some(day("2020-01-06")),
                Some(day("2020-01-04")),
                Some(day("2020-01-06"))
            ]
        );
        assert_eq!(
            e[1].date_mention.map(|m| &body[m.range()]),
            Some("two days after")
        );
        // At the start of the sentence, weeks; the rest of the sentence keeps its own day.
        let body = "Two weeks after the talks in Korvena, the minister visited Dastry on Friday.";
        let e = events(body, &[("Korvena", 3), ("Dastry", 2)], "2020-01-18");
        let days: Vec<_> = e.iter().map(|e| e.when.map(|w| w.from)).collect();
        assert_eq!(days, [Some(day("2020-01-03")), Some(day("2020-01-17"))]);
        // A place outside the happening, dated by a day told inside it: the lag after it.
        let body = "A week after the vote on March 3, crowds gathered in Velmora.";
        let e = events(body, &[("Velmora", 1)], "2020-03-20");
        assert_eq!(e[0].when.map(|w| w.from), Some(day("2020-03-10")));
        assert_eq!(
            e[0].date_mention.map(|m| &body[m.range()]),
            Some("A week after the vote on March 3")
        );
        let body = "The raid on Korvena came two days after a strike in Dastry on Monday.";
        let e = events(body, &[("Korvena", 3), ("Dastry", 2)], "2020-01-10");
        let days: Vec<_> = e.iter().map(|e| e.when.map(|w| w.from)).collect();
        assert_eq!(days, [Some(day("2020-01-08")), Some(day("2020-01-06"))]);
        // Not days without a count, nor a lag not set off ("said two days after").
        let body = "Forces took Velmora on Monday. It came days after a strike in Dastry.";
        let e = events(body, &[("Velmora", 1), ("Dastry", 2)], "2020-01-07");
        assert_eq!(e[1].when.map(|w| w.from), Some(day("2020-01-06")));
    }

    #[test]
    fn a_date_in_another_sentence_does_not_date_this_one_without_an_episode() {
        let places = [place(0, 5, 1)];
        let dates = [date(12, 20, "2019-04-04", "2019-04-04", Granularity::Day)];
        let body = "x".repeat(25);
        let events = events_of(
            ArticleIdx(0),
            &Mentions {
                body: &body,
                places: &places,
                broad: &[false],
                dates: &dates,
            },
            &[0..10, 11..25],
            Some(day("2019-04-19")),
        );
        assert_eq!(events[0].basis, WhenBasis::Publication);
    }
}
