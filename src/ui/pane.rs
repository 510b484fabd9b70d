//! The article pane (side): the filtered article list, then the selected article's events (each
//! with how its date was obtained: a date in its sentence, carried from an earlier one, or only
//! the publication date) and its text with its place mentions (click: select the place and fly
//! the map there; hover: the event's date and how it was obtained) and date expressions (hover:
//! the resolved interval) highlighted, and search hits marked.
//!
//! The highlighted text is one galley; clickable spans are found from the galley's cursor
//! positions, so the text wraps and selects like ordinary text. The layout job is cached per
//! (dataset, article, search, theme, part), not rebuilt every frame. A text longer than
//! [`TEXT_PART_BYTES`] is laid out one part at a time, with buttons to the other parts: a 20 MB
//! one-line article would otherwise be one galley of millions of glyphs (a vertex buffer above
//! what wgpu allows, and seconds per frame).

use std::ops::Range;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Rect, RichText, ScrollArea, Sense, Stroke, Ui, pos2};

use crate::corpus::DateBasis;
use crate::extract::dates::{Granularity, Interval};
use crate::extract::{ArticleIdx, Event, WhenBasis};
use crate::index::EventFilter;

use super::ViewData;
use super::theme::Palette;
use crate::session::command::Command;
use crate::session::derived::{Model, find_ignoring_ascii_case};
use crate::session::state::Intent;

/// How an article's publication date was obtained, in words.
pub fn basis_text(basis: &DateBasis) -> &'static str {
    match basis {
        DateBasis::Header => "date from header",
        DateBasis::Dateline {
            year_inferred: false,
        } => "dateline",
        DateBasis::Dateline {
            year_inferred: true,
        } => "dateline, year inferred",
        DateBasis::Inferred { .. } => "date inferred",
        DateBasis::UserOverride => "date set by you",
        DateBasis::Metadata { .. } => "date from the file's metadata",
        DateBasis::Undated => "undated",
    }
}

/// "1 Apr 2019", or "1 – 10 Apr 2019 (span)".
pub fn interval_text(w: &Interval) -> String {
    let g = match w.granularity {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
        Granularity::Span => "span",
    };
    if w.from == w.to {
        format!("{} ({g})", w.from.format("%-d %b %Y"))
    } else {
        format!(
            "{} – {} ({g})",
            w.from.format("%-d %b %Y"),
            w.to.format("%-d %b %Y")
        )
    }
}

/// How an event's date was obtained, in words: the expression it came from when a text dates it.
pub fn event_dating_text(event: &Event, body: &str) -> String {
    let expression = event
        .date_mention
        .and_then(|m| body.get(m.range()))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    match (event.basis, expression) {
        (WhenBasis::Text, Some(e)) => format!("dated by the text: “{e}”"),
        (WhenBasis::Text, None) => "dated by a date in its sentence".to_owned(),
        (WhenBasis::Carried, Some(e)) => format!("carried from “{e}”"),
        (WhenBasis::Carried, None) => "carried from an earlier sentence".to_owned(),
        (WhenBasis::Publication, _) => {
            "publication date only: its sentence gives no date".to_owned()
        }
        (WhenBasis::Undated, _) => {
            "undated: no date in its sentence, none for the article".to_owned()
        }
    }
}

/// "4 Apr 2019 (day) · dated by the text: “on Thursday”".
pub fn event_when_text(event: &Event, body: &str) -> String {
    let when = event
        .when
        .as_ref()
        .map_or_else(|| "no date".to_owned(), interval_text);
    format!("{when} · {}", event_dating_text(event, body))
}

/// The AccessKit label of a place mention in the text.
pub fn mention_label(name: &str) -> String {
    format!("{name} in text")
}

/// A span of the article text that reacts to the pointer.
#[derive(Clone, Debug)]
enum SpanKind {
    /// Index into the extraction's place mentions.
    Place(usize),
    /// Index into the extraction's date mentions.
    Date(usize),
}

/// About how many bytes of an article's text are laid out at once (within 256 bytes: parts end at
/// a space; about 30 screens of text); longer texts are shown one part at a time.
pub const TEXT_PART_BYTES: usize = 64 * 1024;

/// The byte range of part `part` (0-based) of `body`: parts end at a multiple of
/// [`TEXT_PART_BYTES`], moved back to the last space or line break within 256 bytes before it
/// (else to a character boundary), so a word is rarely cut.
fn part_range(body: &str, part: usize) -> Range<usize> {
    // Where part `n - 1` ends and part `n` starts (n >= 1).
    let boundary = |n: usize| -> usize {
        let at = n.saturating_mul(TEXT_PART_BYTES);
        if at >= body.len() {
            return body.len();
        }
        let lowest = at - 256;
        if let Some(i) = body.as_bytes()[lowest..at]
            .iter()
            .rposition(u8::is_ascii_whitespace)
        {
            // After an ASCII byte: a character boundary.
            return lowest + i + 1;
        }
        (lowest..=at)
            .rev()
            .find(|&i| body.is_char_boundary(i))
            .unwrap_or(lowest)
    };
    let start = if part == 0 { 0 } else { boundary(part) };
    start..boundary(part + 1).max(start)
}

/// Bits of what covers a byte of the text shown: a date, a place mention, a search hit.
const DATE: u8 = 1;
const PLACE: u8 = 2;
const HIT: u8 = 4;

/// How many parts `body` is shown in.
fn part_count(body: &str) -> usize {
    body.len().div_ceil(TEXT_PART_BYTES).max(1)
}

/// The laid-out text of one article, cached.
struct TextCache {
    key: (u64, ArticleIdx, String, bool, usize),
    job: LayoutJob,
    /// Char ranges of the interactive spans.
    spans: Vec<(Range<usize>, SpanKind)>,
}

/// UI-only state of the pane.
#[derive(Default)]
pub struct PaneView {
    text: Option<TextCache>,
    /// The part of a long article's text that is shown: (article, part).
    part: Option<(ArticleIdx, usize)>,
    /// The "Set date" field (`import.rs`).
    date_field: super::import::DateField,
}

/// The article pane. Returns the commands of this frame.
pub fn article_pane_ui(ui: &mut Ui, view: &mut PaneView, data: ViewData<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let ViewData {
        model,
        derived,
        state,
        palette,
    } = data;
    let mut intents = Vec::new();
    let ds = &model.dataset;

    ui.horizontal_wrapped(|ui| {
        ui.heading(format!(
            "Articles ({} of {})",
            derived.articles.len(),
            ds.articles.len()
        ));
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(place) = state.selected_place {
            ui.label(
                RichText::new(format!("at {}", model.place_name(place)))
                    .color(palette.selected)
                    .strong(),
            );
            if ui
                .button("× place")
                .on_hover_text("Show every place")
                .clicked()
            {
                intents.push(Intent::SelectPlace(None));
            }
        }
        if !state.search.trim().is_empty() {
            ui.label(
                RichText::new(format!("matching “{}”", state.search.trim()))
                    .color(palette.search_hit),
            );
        }
        ui.strong(super::timeline::window_text(state));
    });
    ui.separator();

    let list_height = if state.selected_article.is_some() {
        ui.available_height() * 0.25
    } else {
        ui.available_height()
    };
    article_list_ui(
        ui,
        model,
        derived,
        state,
        palette,
        list_height,
        &mut intents,
    );

    if let Some(a) = state.selected_article {
        ui.separator();
        article_ui(ui, view, data, a, &mut intents, &mut commands);
    }
    intents
        .into_iter()
        .map(Command::State)
        .chain(commands)
        .collect()
}

/// The article list: one row per article (publication date, how it was dated, outlet; the title
/// on a second line, cut with "…" when too long, whole on hover). Rows share one height, so only
/// the rows in view are laid out: a window listing 80,000 articles costs what one listing 20 does.
fn article_list_ui(
    ui: &mut Ui,
    model: &Model,
    derived: &crate::session::derived::Derived,
    state: &crate::session::state::AppState,
    palette: &Palette,
    list_height: f32,
    intents: &mut Vec<Intent>,
) {
    let ds = &model.dataset;
    let body = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .cloned()
        .unwrap_or_default();
    let small = FontId::proportional(15.0);
    let padding = ui.spacing().button_padding;
    let row_height = ui.fonts_mut(|f| f.row_height(&small) + f.row_height(&body)) + 2.0 * padding.y;
    let scroll = ScrollArea::vertical()
        .id_salt("article list")
        .max_height(list_height)
        .auto_shrink([false, true]);
    if derived.articles.is_empty() {
        scroll.show(ui, |ui| {
            ui.weak("No article in this window. Widen the window, switch to cumulative, or clear the filters.");
        });
        return;
    }
    scroll.show_rows(ui, row_height, derived.articles.len(), |ui, rows| {
        let width = ui.available_width();
        for &a in derived.articles.get(rows).unwrap_or_default() {
            let Some(article) = ds.articles.get(a.0 as usize) else {
                ui.allocate_space(egui::vec2(width, row_height));
                continue;
            };
            let selected = state.selected_article == Some(a);
            let published = ds.index.published(a).map_or_else(
                || "undated".to_owned(),
                |day| day.format("%-d %b %Y").to_string(),
            );
            let outlet = article
                .outlet
                .as_deref()
                .map_or_else(String::new, |o| format!(" · {o}"));
            let mut job = LayoutJob::default();
            job.append(&published, 0.0, fmt(small.clone(), palette.published));
            job.append(
                &format!(" · {}{outlet}\n", basis_text(&article.date_basis)),
                0.0,
                fmt(small.clone(), palette.weak_text),
            );
            job.append(&article.title, 0.0, fmt(body.clone(), palette.text));
            // Laid out here: a button would replace the wrapping (and so the row limit).
            job.wrap.max_width = width - 2.0 * padding.x;
            job.wrap.max_rows = 2;
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            let response = ui.add(
                egui::Button::selectable(selected, galley).min_size(egui::vec2(width, row_height)),
            );
            let response = response.on_hover_text(article.title.as_str());
            if response.clicked() {
                if selected {
                    intents.push(Intent::ClearArticle);
                } else {
                    intents.push(Intent::SelectArticle {
                        article: a,
                        date: model.article_date(a),
                    });
                    if let Some((sw, ne)) = model.article_bounds(a) {
                        intents.push(Intent::RevealArea { sw, ne });
                    }
                }
            }
        }
    });
}

fn fmt(font_id: FontId, color: Color32) -> TextFormat {
    TextFormat {
        font_id,
        color,
        ..Default::default()
    }
}

fn article_ui(
    ui: &mut Ui,
    view: &mut PaneView,
    data: ViewData<'_>,
    a: ArticleIdx,
    intents: &mut Vec<Intent>,
    commands: &mut Vec<Command>,
) {
    let ViewData {
        model,
        state,
        palette,
        ..
    } = data;
    let ds = &model.dataset;
    let (Some(article), Some(extraction)) = (
        ds.articles.get(a.0 as usize),
        ds.extractions.get(a.0 as usize),
    ) else {
        return;
    };
    // The title wraps: a long one must not widen the pane.
    if ui
        .button("× Close")
        .on_hover_text("Close the article")
        .clicked()
    {
        intents.push(Intent::ClearArticle);
    }
    ui.add(egui::Label::new(RichText::new(&article.title).heading()).wrap());
    ui.horizontal_wrapped(|ui| {
        let published = ds.index.published(a).map_or_else(
            || "undated".to_owned(),
            |d| d.format("%-d %B %Y").to_string(),
        );
        ui.label(
            RichText::new(format!("published {published}"))
                .color(palette.published)
                .strong(),
        );
        let basis = ui.weak(format!("({})", basis_text(&article.date_basis)));
        match &article.date_basis {
            DateBasis::Inferred { reason } => {
                basis.on_hover_text(reason);
            }
            DateBasis::Metadata { field } => {
                basis.on_hover_text(format!("from {field}"));
            }
            _ => {}
        }
        if let Some(outlet) = &article.outlet {
            ui.label(outlet);
        }
        if let Some(byline) = &article.byline {
            ui.weak(byline);
        }
        if let Some(url) = &article.url {
            ui.weak(url)
                .on_hover_text("where the article was published");
        }
    });
    if let Some(note) = &article.note {
        ui.weak(note);
    }
    commands.extend(super::import::date_field_ui(
        ui,
        &mut view.date_field,
        a,
        ds.index.published(a),
    ));
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new("event dates")
                .color(palette.event)
                .background_color(palette.date_bg),
        );
        ui.label(RichText::new("places").background_color(palette.mention_bg));
        ui.weak(format!(
            "{} events · {} places · {}",
            extraction.events.len(),
            extraction.places.len(),
            article.file.display()
        ));
    });
    article_events_ui(ui, model, state.event_filter, a, palette, intents);
    ui.add_space(4.0);

    let part = match &mut view.part {
        Some((shown, part)) if *shown == a => part,
        other => &mut other.insert((a, 0)).1,
    };
    text_parts_ui(ui, part, &article.body);
    let part = *part;
    let dark = ui.visuals().dark_mode;
    let key = (
        model.generation,
        a,
        state.search.trim().to_owned(),
        dark,
        part,
    );
    if view.text.as_ref().is_none_or(|t| t.key != key) {
        view.text = Some(build_text(model, &key, palette));
    }
    let Some(text) = view.text.as_ref() else {
        return;
    };

    ScrollArea::vertical()
        .id_salt(("article text", a.0))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut job = text.job.clone();
            job.wrap.max_width = ui.available_width();
            let galley = ui.painter().layout_job(job);
            let (rect, _) = ui.allocate_exact_size(galley.size(), Sense::hover());
            ui.painter().galley(rect.min, galley.clone(), palette.text);

            for (i, (chars, kind)) in text.spans.iter().enumerate() {
                let rects = span_rects(&galley, chars.clone());
                let Some(first) = rects.first().map(|r| r.translate(rect.min.to_vec2())) else {
                    continue;
                };
                match kind {
                    SpanKind::Place(m) => {
                        let Some(mention) = extraction.places.get(*m) else {
                            continue;
                        };
                        let name = model.place_name(mention.place);
                        let response = ui.interact(
                            first,
                            ui.scope_id().with(("mention", a.0, i)),
                            Sense::click(),
                        );
                        let label = mention_label(&name);
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Link, true, &label)
                        });
                        if response.hovered() {
                            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                            for r in &rects {
                                ui.painter().rect_stroke(
                                    r.translate(rect.min.to_vec2()),
                                    2.0,
                                    Stroke::new(2.0, palette.selected),
                                    egui::StrokeKind::Outside,
                                );
                            }
                        }
                        if response.clicked()
                            && let Some(at) = model.place_coord(mention.place)
                        {
                            intents.push(Intent::FocusPlace {
                                place: mention.place,
                                at,
                            });
                        }
                        let kind = ds
                            .gazetteer
                            .places()
                            .get(mention.place.0 as usize)
                            .map_or_else(String::new, |p| p.kind.as_str().replace('_', " "));
                        // The event this mention belongs to: its place, in its sentence.
                        let event = extraction.events.iter().find(|e| {
                            e.place == mention.place && e.sentence.range().contains(&mention.start)
                        });
                        response.on_hover_ui(|ui| {
                            ui.strong(&name);
                            ui.label(format!(
                                "{kind} · match confidence {:.0} %",
                                mention.confidence * 100.0
                            ));
                            ui.weak(format!("Why this place: {}", mention.reason.describe()));
                            if let Some(e) = event {
                                ui.label(format!("Event: {}", event_when_text(e, &article.body)));
                                if e.basis == WhenBasis::Publication
                                    && state.event_filter == EventFilter::DatedByText
                                {
                                    ui.weak("Hidden from the map and timeline by the switch");
                                }
                            }
                            ui.weak("Click: show on the map");
                        });
                    }
                    SpanKind::Date(d) => {
                        let Some(mention) = extraction.dates.get(*d) else {
                            continue;
                        };
                        let response = ui.interact(
                            first,
                            ui.scope_id().with(("date", a.0, i)),
                            Sense::click(),
                        );
                        let surface = article.body.get(mention.start..mention.end).unwrap_or("");
                        let label = date_label(surface);
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Link, true, &label)
                        });
                        if response.hovered() {
                            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                        }
                        if response.clicked() {
                            intents.push(Intent::SeekInterval {
                                from: mention.interval.from,
                                to: mention.interval.to,
                            });
                        }
                        response.on_hover_ui(|ui| {
                            ui.label(RichText::new("event date").color(palette.event).strong());
                            ui.label(interval_text(&mention.interval));
                            ui.weak("Click: move the timeline's cursor there");
                        });
                    }
                }
            }
        });
}

/// The AccessKit label of a date expression in the article text.
pub fn date_label(surface: &str) -> String {
    format!("date: {surface}")
}

/// The AccessKit label of the selected article's events list.
pub const ARTICLE_EVENTS_LABEL: &str = "Events in this article";

/// The selected article's events in text order: place, date and how the date was obtained.
/// Publication-dated ones are marked hollow (○), as on the map, and left out while the switch
/// hides them. Rows share one height, so a long article lays out only the rows in view.
fn article_events_ui(
    ui: &mut Ui,
    model: &Model,
    filter: EventFilter,
    a: ArticleIdx,
    palette: &Palette,
    intents: &mut Vec<Intent>,
) {
    let ds = &model.dataset;
    let (Some(article), Some(x)) = (
        ds.articles.get(a.0 as usize),
        ds.extractions.get(a.0 as usize),
    ) else {
        return;
    };
    let publication = x
        .events
        .iter()
        .filter(|e| e.basis == WhenBasis::Publication)
        .count();
    let shown: Vec<&Event> = x
        .events
        .iter()
        .filter(|e| filter == EventFilter::All || e.basis != WhenBasis::Publication)
        .collect();
    let by_text = x.events.len() - publication;
    let mut title = format!(
        "{ARTICLE_EVENTS_LABEL} ({by_text} dated by the text, {publication} by publication only"
    );
    if filter == EventFilter::DatedByText && publication > 0 {
        title.push_str(", hidden");
    }
    title.push(')');
    egui::CollapsingHeader::new(title)
        .id_salt(("article events", a.0))
        .default_open(false)
        .show(ui, |ui| {
            let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
            ScrollArea::vertical()
                .id_salt(("article events list", a.0))
                .max_height(150.0)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, shown.len(), |ui, rows| {
                    for e in shown.get(rows).unwrap_or_default() {
                        let hollow = e.basis == WhenBasis::Publication;
                        let name = model.place_name(e.place);
                        let mut job = LayoutJob::default();
                        let body = FontId::proportional(15.0);
                        job.append(
                            if hollow { "○ " } else { "● " },
                            0.0,
                            fmt(body.clone(), palette.event),
                        );
                        job.append(&name, 0.0, fmt(body.clone(), palette.text));
                        job.append(
                            &format!(" · {}", event_when_text(e, &article.body)),
                            0.0,
                            fmt(
                                body,
                                if hollow {
                                    palette.weak_text
                                } else {
                                    palette.text
                                },
                            ),
                        );
                        job.wrap.max_rows = 1;
                        job.wrap.max_width = ui.available_width();
                        let galley = ui.fonts_mut(|f| f.layout_job(job));
                        let response = ui
                            .add(egui::Label::new(galley).sense(Sense::click()))
                            .on_hover_text(event_when_text(e, &article.body));
                        if response.clicked()
                            && let Some(at) = model.place_coord(e.place)
                        {
                            intents.push(Intent::FocusPlace { place: e.place, at });
                        }
                    }
                });
        });
}

/// A line saying which part of a long text is shown, with buttons to the previous and next
/// parts; nothing for a text of one part.
fn text_parts_ui(ui: &mut Ui, part: &mut usize, body: &str) {
    let parts = part_count(body);
    if parts <= 1 {
        return;
    }
    *part = (*part).min(parts - 1);
    let range = part_range(body, *part);
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!(
            "A long text ({} KB): part {} of {parts} is shown (bytes {}–{}).",
            body.len() / 1024,
            *part + 1,
            range.start,
            range.end
        ));
        if ui
            .add_enabled(*part > 0, egui::Button::new("◀ Previous part"))
            .clicked()
        {
            *part -= 1;
        }
        if ui
            .add_enabled(*part + 1 < parts, egui::Button::new("Next part ▶"))
            .clicked()
        {
            *part += 1;
        }
    });
}

/// Builds the highlighted layout job and the interactive spans of the part of the article's
/// text that `key` names (generation, article, search, dark mode, part).
fn build_text(
    model: &Model,
    key: &(u64, ArticleIdx, String, bool, usize),
    palette: &Palette,
) -> TextCache {
    let (_, a, search, _, part) = key;
    let ds = &model.dataset;
    let whole = ds
        .articles
        .get(a.0 as usize)
        .map_or("", |x| x.body.as_str());
    let Some(x) = ds.extractions.get(a.0 as usize) else {
        return TextCache {
            key: key.clone(),
            job: LayoutJob::default(),
            spans: Vec::new(),
        };
    };
    let shown = part_range(whole, *part);
    let body = &whole[shown.clone()];
    // Ranges of the whole text inside the part shown, as offsets in it (a mention across a
    // part's edge is left plain).
    let local = |r: Range<usize>| -> Option<Range<usize>> {
        let inside = r.start < r.end
            && shown.start <= r.start
            && r.end <= shown.end
            && whole.is_char_boundary(r.start)
            && whole.is_char_boundary(r.end);
        inside.then(|| r.start - shown.start..r.end - shown.start)
    };
    let places: Vec<(usize, Range<usize>)> = x
        .places
        .iter()
        .enumerate()
        .filter_map(|(i, m)| local(m.start..m.end).map(|r| (i, r)))
        .collect();
    let dates: Vec<(usize, Range<usize>)> = x
        .dates
        .iter()
        .enumerate()
        .filter_map(|(i, m)| local(m.start..m.end).map(|r| (i, r)))
        .collect();
    let hits = find_ignoring_ascii_case(body, search);

    // What covers each byte (bits: a date, a place, a search hit); the body is cut at every
    // range's ends, so a piece is covered whole or not at all and its first byte says which.
    let mut cover = vec![0u8; body.len()];
    let mut cuts: Vec<usize> = vec![0, body.len()];
    let ranges = dates
        .iter()
        .map(|(_, r)| (r, DATE))
        .chain(places.iter().map(|(_, r)| (r, PLACE)))
        .chain(hits.iter().map(|r| (r, HIT)));
    for (r, bit) in ranges {
        cuts.push(r.start);
        cuts.push(r.end);
        for c in &mut cover[r.clone()] {
            *c |= bit;
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let font = FontId::proportional(18.0);
    let mut job = LayoutJob::default();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let Some(piece) = body.get(s..e) else {
            continue;
        };
        let covered = cover.get(s).copied().unwrap_or(0);
        let mut format = fmt(font.clone(), palette.text);
        if covered & DATE != 0 {
            format.background = palette.date_bg;
            format.underline = Stroke::new(1.5, palette.event);
        }
        if covered & PLACE != 0 {
            format.background = palette.mention_bg;
            format.underline = Stroke::new(2.0, palette.settlement);
        }
        if covered & HIT != 0 {
            format.background = palette.search_hit.gamma_multiply(0.45);
        }
        job.append(piece, 0.0, format);
    }

    // Byte offsets to char offsets (for the galley's cursors), in one pass over the part.
    let mut offsets: Vec<usize> = places
        .iter()
        .chain(&dates)
        .flat_map(|(_, r)| [r.start, r.end])
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut chars_at = Vec::with_capacity(offsets.len());
    let (mut byte, mut chars) = (0, 0);
    for &o in &offsets {
        chars += body.get(byte..o).map_or(0, |p| p.chars().count());
        byte = o;
        chars_at.push(chars);
    }
    let char_at = |b: usize| offsets.binary_search(&b).map_or(0, |i| chars_at[i]);
    let mut spans = Vec::new();
    for (i, r) in &places {
        spans.push((char_at(r.start)..char_at(r.end), SpanKind::Place(*i)));
    }
    for (i, r) in &dates {
        spans.push((char_at(r.start)..char_at(r.end), SpanKind::Date(*i)));
    }
    TextCache {
        key: key.clone(),
        job,
        spans,
    }
}

/// Rectangles (galley-relative) covering chars `range`, one per row it spans.
fn span_rects(galley: &Galley, range: Range<usize>) -> Vec<Rect> {
    let a = galley.pos_from_cursor(CCursor::new(range.start));
    let b = galley.pos_from_cursor(CCursor::new(range.end));
    if (a.center().y - b.center().y).abs() < 1.0 {
        return vec![Rect::from_min_max(
            a.min,
            pos2(b.max.x.max(a.min.x + 1.0), b.max.y),
        )];
    }
    let row_right = galley
        .rows
        .iter()
        .find(|r| r.rect().y_range().contains(a.center().y))
        .map_or(galley.rect.right(), |r| r.rect().right());
    let row_left = galley
        .rows
        .iter()
        .find(|r| r.rect().y_range().contains(b.center().y))
        .map_or(0.0, |r| r.rect().left());
    vec![
        Rect::from_min_max(a.min, pos2(row_right, a.max.y)),
        Rect::from_min_max(pos2(row_left, b.min.y), b.max),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_in_parts_that_cover_it_once_at_spaces_or_char_boundaries() {
        let words = "Tripoli é ".repeat(30_000); // 330,000 bytes, two-byte chars among them
        let n = part_count(&words);
        assert_eq!(n, words.len().div_ceil(TEXT_PART_BYTES));
        let mut next = 0;
        for part in 0..n {
            let r = part_range(&words, part);
            assert_eq!(r.start, next, "part {part} starts where the last ended");
            // Each end moves back at most 256 bytes from its multiple of the part size.
            assert!(
                r.len().abs_diff(TEXT_PART_BYTES) < 256 || part == n - 1,
                "part {part}: {r:?}"
            );
            assert!(words.get(r.clone()).is_some());
            if r.end < words.len() {
                assert_eq!(
                    &words[r.end - 1..r.end],
                    " ",
                    "part {part} ends after a space"
                );
            }
            next = r.end;
        }
        assert_eq!(next, words.len());
        let one_word = "é".repeat(100_000);
        let r = part_range(&one_word, 0);
        assert!(one_word.is_char_boundary(r.end) && r.end <= TEXT_PART_BYTES);
        assert_eq!(part_range("short", 0), 0..5);
        assert_eq!(part_count(""), 1);
    }

    #[test]
    fn date_bases_read_as_words() {
        assert_eq!(
            basis_text(&DateBasis::Dateline {
                year_inferred: true
            }),
            "dateline, year inferred"
        );
        assert_eq!(
            basis_text(&DateBasis::Inferred { reason: "x".into() }),
            "date inferred"
        );
        assert_eq!(basis_text(&DateBasis::Undated), "undated");
    }

    #[test]
    fn an_event_says_how_its_date_was_obtained() {
        let body = "Fighting in Tripoli on Thursday. Misrata was calm.";
        let d = chrono::NaiveDate::from_ymd_opt(2019, 4, 4).expect("date");
        let mut e = Event {
            article: ArticleIdx(0),
            place: crate::gazetteer::PlaceIdx(1),
            when: Some(Interval {
                from: d,
                to: d,
                granularity: Granularity::Day,
            }),
            basis: WhenBasis::Text,
            sentence: (0..32).into(),
            mention: (12..19).into(),
            date_mention: Some((20..31).into()),
        };
        assert_eq!(
            event_dating_text(&e, body),
            "dated by the text: “on Thursday”"
        );
        assert_eq!(
            event_when_text(&e, body),
            "4 Apr 2019 (day) · dated by the text: “on Thursday”"
        );
        e.basis = WhenBasis::Carried;
        assert_eq!(event_dating_text(&e, body), "carried from “on Thursday”");
        e.basis = WhenBasis::Publication;
        e.date_mention = None;
        assert_eq!(
            event_dating_text(&e, body),
            "publication date only: its sentence gives no date"
        );
        // A range outside the text says what it can, never panics.
        e.basis = WhenBasis::Text;
        e.date_mention = Some((400..410).into());
        assert_eq!(
            event_dating_text(&e, body),
            "dated by a date in its sentence"
        );
    }

    #[test]
    fn intervals_read_as_dates_with_their_precision() {
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let early_april = Interval {
            from: d("2019-04-01"),
            to: d("2019-04-10"),
            granularity: Granularity::Span,
        };
        assert_eq!(
            interval_text(&early_april),
            "1 Apr 2019 – 10 Apr 2019 (span)"
        );
        let day = Interval {
            from: d("2019-04-04"),
            to: d("2019-04-04"),
            granularity: Granularity::Day,
        };
        assert_eq!(interval_text(&day), "4 Apr 2019 (day)");
    }
}
