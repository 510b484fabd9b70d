//! The article pane (side): the filtered article list, then the selected article's events (each
//! with how its date was obtained: a date in its sentence, carried from an earlier one, or only
//! the publication date) and its text with its place mentions (click: select the place and fly
//! the map there; hover: the event's date and how it was obtained) and date expressions (hover:
//! the resolved interval) highlighted, and search hits marked.
//!
//! The highlighted text is one galley; clickable spans are found from the galley's cursor
//! positions, so the text wraps and selects like ordinary text. The layout job is cached per
//! (dataset, article, search, theme), not rebuilt every frame.

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

/// The most of an article's body the pane draws, in bytes: a longer one (up to the 20 MB an
/// article may have, maybe on one line) would take seconds to lay out and more vertices than the
/// GPU takes in one buffer. About 15,000 words.
pub const MAX_SHOWN_TEXT_BYTES: usize = 100_000;

/// The laid-out text of one article, cached.
struct TextCache {
    key: (u64, ArticleIdx, String, bool),
    /// The article's text, unpacked once for as long as it is shown ([`crate::corpus::Body`]).
    body: String,
    job: LayoutJob,
    /// Char ranges of the interactive spans.
    spans: Vec<(Range<usize>, SpanKind)>,
    /// Bytes of the body in `job`.
    shown_bytes: usize,
    /// The body's whole length when it was cut at [`MAX_SHOWN_TEXT_BYTES`].
    clipped_from: Option<usize>,
}

/// Below this height (in points, under the pane's heading) a selected article takes the whole
/// pane instead of sharing it with the list.
const SHORT_PANE_HEIGHT: f32 = 560.0;

/// UI-only state of the pane.
#[derive(Default)]
pub struct PaneView {
    text: Option<TextCache>,
    /// The "Set date" field (`import.rs`).
    date_field: super::import::DateField,
    /// Where the selected article's text was shown in the last frame.
    text_area: Option<Rect>,
}

impl PaneView {
    /// The part of the pane the selected article's text scrolled in, in the last frame (for
    /// tests); `None` with no article selected.
    pub fn text_area(&self) -> Option<Rect> {
        self.text_area
    }
}

/// The article pane. Returns the commands of this frame.
pub fn article_pane_ui(ui: &mut Ui, view: &mut PaneView, data: ViewData<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    view.text_area = None;
    let ViewData {
        model,
        derived,
        state,
        palette,
        ..
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

    // A selected article shares the pane with the list (a quarter of it); in a short pane it
    // takes the whole pane, so its text can be read ("× Close" brings the list back).
    let short = ui.available_height() < SHORT_PANE_HEIGHT;
    match state.selected_article {
        Some(_) if short => {}
        selected => {
            let list_height = if selected.is_some() {
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
        }
    }

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
    // What stays above the text is kept short, so the text takes the rest of the pane: the
    // title on one line beside "× Close" (whole on hover), then one wrapped line of metadata.
    ui.horizontal(|ui| {
        if ui
            .button("× Close")
            .on_hover_text("Close the article")
            .clicked()
        {
            intents.push(Intent::ClearArticle);
        }
        ui.add(egui::Label::new(RichText::new(&article.title).heading()).truncate())
            .on_hover_text(article.title.as_str());
    });
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
        if let Some(outlet) = article.outlet.as_deref() {
            ui.label(outlet);
        }
        if let Some(byline) = article.byline.as_deref() {
            ui.weak(byline);
        }
        if let Some(url) = article.url.as_deref() {
            ui.weak(url)
                .on_hover_text("where the article was published");
        }
    });
    let dark = ui.visuals().dark_mode;
    let key = (model.generation, a, state.search.trim().to_owned(), dark);
    if view.text.as_ref().is_none_or(|t| t.key != key) {
        view.text = Some(build_text(model, a, &key.2, palette, ui));
    }
    let Some(text) = view.text.as_ref() else {
        return;
    };

    // The text takes all the height left in the pane; the article's note, its date field, its
    // events, the key to its colours and where it comes from scroll with it, above it.
    let date_field = &mut view.date_field;
    let shown = ScrollArea::vertical()
        .id_salt(("article text", a.0))
        .auto_shrink([false, false])
        .max_height(ui.available_height())
        .show(ui, |ui| {
            // One line each above the text (the whole note on hover).
            if let Some(note) = article.note.as_deref() {
                ui.add(egui::Label::new(RichText::new(note).weak()).truncate())
                    .on_hover_text(note);
            }
            commands.extend(super::import::date_field_ui(
                ui,
                date_field,
                a,
                ds.index.published(a),
            ));
            article_events_ui(
                ui,
                model,
                state.event_filter,
                a,
                &text.body,
                palette,
                intents,
            );
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new("event dates")
                        .color(palette.event)
                        .background_color(palette.date_bg),
                );
                ui.label(RichText::new("places").background_color(palette.mention_bg));
                let file = article.file.display().to_string();
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "{} events · {} places · {file}",
                            extraction.events.len(),
                            extraction.places.len(),
                        ))
                        .weak(),
                    )
                    .truncate(),
                )
                .on_hover_text(file);
            });
            if let Some(whole) = text.clipped_from {
                ui.label(
                    RichText::new(format!(
                        "Showing the first {} KB of {} KB: the text is too long to draw whole \
                         (its places, dates and events above cover all of it).",
                        text.shown_bytes / 1000,
                        whole / 1000
                    ))
                    .color(super::theme::WARNING),
                );
            }
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
                                ui.label(format!("Event: {}", event_when_text(e, &text.body)));
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
                        let surface = text.body.get(mention.start..mention.end).unwrap_or("");
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
    view.text_area = Some(shown.inner_rect);
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
/// The events of article `a`, whose text is `text`.
fn article_events_ui(
    ui: &mut Ui,
    model: &Model,
    filter: EventFilter,
    a: ArticleIdx,
    text: &str,
    palette: &Palette,
    intents: &mut Vec<Intent>,
) {
    let ds = &model.dataset;
    let Some(x) = ds.extractions.get(a.0 as usize) else {
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
                            &format!(" · {}", event_when_text(e, text)),
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
                            .on_hover_text(event_when_text(e, text));
                        if response.clicked()
                            && let Some(at) = model.place_coord(e.place)
                        {
                            intents.push(Intent::FocusPlace { place: e.place, at });
                        }
                    }
                });
        });
}

/// Builds the highlighted layout job and the interactive spans of one article.
fn build_text(model: &Model, a: ArticleIdx, search: &str, palette: &Palette, ui: &Ui) -> TextCache {
    let ds = &model.dataset;
    let full = ds
        .articles
        .get(a.0 as usize)
        .map_or_else(String::new, |x| x.body.text().into_owned());
    let body = full.as_str();
    let Some(x) = ds.extractions.get(a.0 as usize) else {
        return TextCache {
            key: (
                model.generation,
                a,
                search.to_owned(),
                ui.visuals().dark_mode,
            ),
            body: full,
            job: LayoutJob::default(),
            spans: Vec::new(),
            shown_bytes: 0,
            clipped_from: None,
        };
    };
    let whole = body.len();
    let body = body
        .get(..shown_prefix_len(body, MAX_SHOWN_TEXT_BYTES))
        .unwrap_or("");
    let valid = |r: &Range<usize>| {
        r.start < r.end
            && r.end <= body.len()
            && body.is_char_boundary(r.start)
            && body.is_char_boundary(r.end)
    };
    let places: Vec<Range<usize>> = x.places.iter().map(|m| m.start..m.end).collect();
    let dates: Vec<Range<usize>> = x.dates.iter().map(|m| m.start..m.end).collect();
    let hits = find_ignoring_ascii_case(body, search);

    // Cut the body at every boundary, then style each piece by what covers it.
    let mut cuts: Vec<usize> = vec![0, body.len()];
    for r in places
        .iter()
        .chain(&dates)
        .chain(&hits)
        .filter(|r| valid(r))
    {
        cuts.push(r.start);
        cuts.push(r.end);
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
        let covers = |rs: &[Range<usize>]| rs.iter().any(|r| r.start <= s && e <= r.end);
        let mut format = fmt(font.clone(), palette.text);
        if covers(&dates) {
            format.background = palette.date_bg;
            format.underline = Stroke::new(1.5, palette.event);
        }
        if covers(&places) {
            format.background = palette.mention_bg;
            format.underline = Stroke::new(2.0, palette.settlement);
        }
        if covers(&hits) {
            format.background = palette.search_hit.gamma_multiply(0.45);
        }
        job.append(piece, 0.0, format);
    }

    // Byte offsets to char offsets, for the galley's cursors: one walk over the text.
    let mut bytes: Vec<usize> = places
        .iter()
        .chain(&dates)
        .filter(|r| valid(r))
        .flat_map(|r| [r.start, r.end])
        .collect();
    bytes.sort_unstable();
    bytes.dedup();
    let mut char_counts = Vec::with_capacity(bytes.len());
    let mut walk = body.char_indices().map(|(b, _)| b).chain([body.len()]);
    let mut chars = 0;
    let mut next = walk.next();
    for &b in &bytes {
        while let Some(at) = next
            && at < b
        {
            chars += 1;
            next = walk.next();
        }
        char_counts.push(chars);
    }
    let char_at = |byte: usize| {
        bytes
            .binary_search(&byte)
            .ok()
            .and_then(|i| char_counts.get(i).copied())
            .unwrap_or(0)
    };
    let mut spans = Vec::new();
    for (i, r) in places.iter().enumerate().filter(|(_, r)| valid(r)) {
        spans.push((char_at(r.start)..char_at(r.end), SpanKind::Place(i)));
    }
    for (i, r) in dates.iter().enumerate().filter(|(_, r)| valid(r)) {
        spans.push((char_at(r.start)..char_at(r.end), SpanKind::Date(i)));
    }
    let shown_bytes = body.len();
    TextCache {
        key: (
            model.generation,
            a,
            search.to_owned(),
            ui.visuals().dark_mode,
        ),
        job,
        spans,
        shown_bytes,
        clipped_from: (shown_bytes < whole).then_some(whole),
        body: full,
    }
}

/// The length of the longest prefix of `text` of at most `max` bytes that ends at a char boundary
/// (at a line end or a space when one is in its last 2,000 bytes, so no word is cut).
fn shown_prefix_len(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let tail_from = end.saturating_sub(2_000);
    text.get(tail_from..end)
        .and_then(|tail| tail.rfind(['\n', ' ']))
        .map_or(end, |i| tail_from + i)
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
    fn a_long_text_is_cut_at_a_space_within_the_limit_and_a_short_one_kept_whole() {
        assert_eq!(shown_prefix_len("short", 100), 5);
        let long = "é word ".repeat(50_000);
        let n = shown_prefix_len(&long, MAX_SHOWN_TEXT_BYTES);
        assert!(
            n <= MAX_SHOWN_TEXT_BYTES && n > MAX_SHOWN_TEXT_BYTES - 10,
            "{n}"
        );
        assert!(long.is_char_boundary(n) && long[n..].starts_with(' '));
        // One word without a space: cut at a char boundary.
        let one = "é".repeat(MAX_SHOWN_TEXT_BYTES);
        let n = shown_prefix_len(&one, MAX_SHOWN_TEXT_BYTES - 1);
        assert!(one.is_char_boundary(n) && n >= MAX_SHOWN_TEXT_BYTES - 2);
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
