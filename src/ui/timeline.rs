//! The timeline (bottom): transport controls, the window, "Go to date", and a painted strip with
//! publication dates, the per-day/week event histogram, uncertain dates as spans, the selection's
//! events, the window band and the draggable cursor.
//!
//! Publication dates are drawn as triangles in their own lane in the "published" colour; event
//! dates as histogram bars and spans in the "event" colour, so the two are never confused. Each
//! bar stacks the events dated by their text (solid, from the baseline) under those dated only by
//! their article's publication (hollow, on top), as the map draws hollow markers for them; when
//! the switch hides publication-dated events, the bars and the selection's marks leave them out.

use chrono::Datelike;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::index::{DayNum, EventFilter, date_of, day_num};
use crate::session::timeline::{SPAN_LANES, axis_ticks, histogram_buckets, zoomed_view};

use super::ViewData;
use crate::session::state::{
    AppState, Intent, MAX_HALF_WINDOW_DAYS, SPEEDS, WindowMode, parse_date_input,
};

/// UI-only state of the timeline: the "Go to date" field and the gesture in progress.
#[derive(Default)]
#[allow(clippy::struct_field_names)] // all three are the "Go to date" field's
pub struct TimelineView {
    goto_text: String,
    goto_focus: bool,
    pub goto_error: bool,
    /// A drag in progress: moving the cursor, or brushing a range from this day.
    drag: Option<StripDrag>,
    /// Wheel zoom not yet worth a day (log of the factor), and pan not yet worth a day.
    zoom_carry: f64,
    pan_carry: f32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum StripDrag {
    Cursor,
    Brush(DayNum),
}

impl TimelineView {
    /// Opens "Go to date" with `text` typed into it (digits typed while the map has the keys).
    pub fn open_goto(&mut self, text: String) {
        self.goto_text = text;
        self.goto_focus = true;
    }
}

pub const GOTO_LABEL: &str = "Go to date";
/// Why a typed date turned red, and what is understood.
pub const GOTO_ERROR: &str =
    "Not a date: try 2019-04-04, 4.4.2019, 4 April 2019, April 2019 or 2019-04";

/// "1 day/s", "7 days/s".
pub fn speed_text(days_per_sec: f32) -> String {
    if (days_per_sec - 1.0).abs() < f32::EPSILON {
        "1 day/s".to_owned()
    } else {
        format!("{days_per_sec} days/s")
    }
}

/// The timeline panel. Returns the intents of this frame. While `presenting`, the transport
/// controls give way to one line saying which days the map shows.
pub fn timeline_ui(
    ui: &mut Ui,
    view: &mut TimelineView,
    data: ViewData<'_>,
    presenting: bool,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    if presenting {
        ui.label(
            egui::RichText::new(window_text(data.state))
                .size(20.0)
                .strong(),
        );
    } else {
        controls_ui(ui, view, data.state, &mut intents);
    }
    ui.add_space(4.0);
    strip_ui(ui, view, data, &mut intents);
    intents
}

fn controls_ui(ui: &mut Ui, view: &mut TimelineView, state: &AppState, intents: &mut Vec<Intent>) {
    ui.horizontal_wrapped(|ui| {
        let button =
            |ui: &mut Ui, text: &str, tip: &str| ui.button(text).on_hover_text(tip).clicked();
        if button(ui, "Start", "First day (Home)") {
            intents.push(Intent::SeekStart);
        }
        if button(ui, "−7", "Back a week (Shift+Left)") {
            intents.push(Intent::StepDays(-7));
        }
        if button(ui, "−1", "Back a day (Left)") {
            intents.push(Intent::StepDays(-1));
        }
        let play = if state.playing { "Pause" } else { "Play" };
        if button(ui, play, "Play or pause (Space)") {
            intents.push(Intent::TogglePlay);
        }
        if button(ui, "+1", "Forward a day (Right)") {
            intents.push(Intent::StepDays(1));
        }
        if button(ui, "+7", "Forward a week (Shift+Right)") {
            intents.push(Intent::StepDays(7));
        }
        if button(ui, "End", "Last day (End)") {
            intents.push(Intent::SeekEnd);
        }

        ui.separator();
        egui::ComboBox::from_id_salt("Speed")
            .selected_text(speed_text(state.speed_days_per_sec))
            .show_ui(ui, |ui| {
                for speed in SPEEDS {
                    let on = (state.speed_days_per_sec - speed).abs() < f32::EPSILON;
                    if ui.selectable_label(on, speed_text(speed)).clicked() {
                        intents.push(Intent::SetSpeed(speed));
                    }
                }
            })
            .response
            .on_hover_text("Playback speed");

        ui.separator();
        let windowed = state.mode == WindowMode::Window;
        if ui
            .selectable_label(windowed, "Window ±")
            .on_hover_text("Show cursor ± N days")
            .clicked()
        {
            intents.push(Intent::SetMode(WindowMode::Window));
        }
        let mut half = state.half_window_days;
        let days = ui.label("days");
        let drag = ui
            .add_enabled(
                windowed,
                egui::DragValue::new(&mut half)
                    .range(0..=MAX_HALF_WINDOW_DAYS)
                    .speed(0.2),
            )
            .labelled_by(days.id)
            .on_hover_text("Half width of the window, in days");
        if drag.changed() {
            intents.push(Intent::SetHalfWindow(half));
        }
        if ui
            .selectable_label(!windowed, "Cumulative")
            .on_hover_text("Everything up to the cursor")
            .clicked()
        {
            intents.push(Intent::SetMode(WindowMode::Cumulative));
        }

        ui.separator();
        let label = ui.label(GOTO_LABEL);
        let mut edit = egui::TextEdit::singleline(&mut view.goto_text)
            // The cursor's day: a date of this corpus in the form the field takes.
            .hint_text(state.cursor().format("%Y-%m-%d").to_string())
            .desired_width(100.0);
        if view.goto_error {
            edit = edit.text_color(super::theme::INVALID_INPUT);
        }
        let mut response = ui.add(edit).labelled_by(label.id);
        if view.goto_error {
            response = response.on_hover_text(GOTO_ERROR);
            ui.colored_label(Color32::from_rgb(230, 60, 60), "not a date")
                .on_hover_text(GOTO_ERROR);
        }
        if view.goto_focus {
            response.request_focus();
            view.goto_focus = false;
        }
        if response.changed() {
            view.goto_error = false;
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            match parse_date_input(&view.goto_text) {
                Some(date) => {
                    intents.push(Intent::Seek(date));
                    view.goto_text.clear();
                }
                None => view.goto_error = true,
            }
        }
    });
}

/// "19 Apr 2019 · 12 Apr – 26 Apr 2019", or "19 Apr 2019 · everything up to it".
pub fn window_text(state: &AppState) -> String {
    let cursor = state.cursor().format("%-d %b %Y");
    match state.mode {
        WindowMode::Window => {
            let w = state.window();
            format!(
                "{cursor} · {} – {}",
                date_of(w.from).format("%-d %b"),
                date_of(w.to).format("%-d %b %Y")
            )
        }
        WindowMode::Cumulative => format!("{cursor} · everything up to it"),
    }
}

/// Maps days to x and back over the strip.
struct DayAxis {
    start: DayNum,
    end: DayNum,
    left: f32,
    px_per_day: f32,
}

impl DayAxis {
    fn new(rect: Rect, start: DayNum, end: DayNum) -> DayAxis {
        let days = (end - start + 1).max(1) as f32;
        DayAxis {
            start,
            end,
            left: rect.left(),
            px_per_day: rect.width() / days,
        }
    }

    /// Left edge of a day's column.
    fn x(&self, day: DayNum) -> f32 {
        self.left + (day - self.start) as f32 * self.px_per_day
    }

    fn x_mid(&self, day: DayNum) -> f32 {
        self.x(day) + self.px_per_day * 0.5
    }

    /// The fractional day at `x` (for zooming about the pointer).
    fn day_f(&self, x: f32) -> f64 {
        f64::from(self.start) + f64::from((x - self.left) / self.px_per_day)
    }

    fn day_at(&self, x: f32) -> DayNum {
        let d = ((x - self.left) / self.px_per_day).floor() as DayNum;
        (self.start + d).clamp(self.start, self.end)
    }
}

/// Histogram buckets, in days, from the finest: a bucket is drawn at least 3 points wide.
const BUCKET_DAYS: [usize; 5] = [1, 7, 30, 91, 365];

fn bucket_caption(days: usize) -> &'static str {
    match days {
        1 => "events / day",
        7 => "events / week",
        30 => "events / month",
        91 => "events / quarter",
        _ => "events / year",
    }
}

fn strip_ui(ui: &mut Ui, view: &mut TimelineView, data: ViewData<'_>, intents: &mut Vec<Intent>) {
    let ViewData {
        model,
        derived,
        state,
        palette,
        layer,
    } = data;
    let height = ui.available_height().clamp(110.0, 220.0);
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
    let (range_start, _) = state.range_days();
    // The days shown: the whole timeline, or the part zoomed to.
    let (start, end) = state.timeline_view();
    response.widget_info(|| {
        egui::WidgetInfo::slider(
            true,
            f64::from(state.cursor_day() - range_start),
            "Timeline",
        )
    });
    let frame_painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    frame_painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);

    // A gutter on the left names the lanes; the days use the rest.
    let full = rect.shrink2(vec2(8.0, 4.0));
    let gutter_w = 96.0;
    let inner = Rect::from_min_max(pos2(full.left() + gutter_w, full.top()), full.max);
    let axis = DayAxis::new(inner, start, end);
    // What is drawn for days is cut at the gutter (a zoomed view shows part of a bar or span).
    let painter = frame_painter.with_clip_rect(inner.expand2(vec2(4.0, 0.0)));
    let pub_lane = Rect::from_min_size(inner.min, vec2(inner.width(), 16.0));
    let axis_h = 22.0;
    let span_lane_h = 7.0;
    let spans_h = span_lane_h * SPAN_LANES as f32 + 4.0;
    let sel_h = 12.0;
    let hist = Rect::from_min_max(
        pos2(inner.left(), pub_lane.bottom() + 4.0),
        pos2(inner.right(), inner.bottom() - axis_h - spans_h - sel_h),
    );
    let sel_lane = Rect::from_min_size(
        pos2(inner.left(), hist.bottom()),
        vec2(inner.width(), sel_h),
    );
    let spans_rect = Rect::from_min_size(
        pos2(inner.left(), sel_lane.bottom() + 2.0),
        vec2(inner.width(), spans_h),
    );
    let axis_rect = Rect::from_min_max(pos2(inner.left(), inner.bottom() - axis_h), inner.max);

    // The window band, behind everything.
    let window = state.window();
    let band_from = window.from.max(start);
    let band_to = window.to.min(end);
    if band_from <= band_to {
        let band = Rect::from_x_y_ranges(axis.x(band_from)..=axis.x(band_to + 1), inner.y_range());
        painter.rect_filled(band, 0.0, palette.window_band);
    }

    // Histogram: per day, or per week when days are too narrow to see; events dated by the
    // text solid from the baseline, publication-dated ones hollow on top (or left out).
    let filter = derived.filter();
    let index = &model.dataset.index;
    // The bars count what the filters let through: the index's counts, or the derived ones
    // while a search or a place narrows the events.
    let (per_day, per_day_publication) = match &derived.per_day {
        Some((all, publication)) => (all.as_slice(), publication.as_slice()),
        None => (index.per_day(), index.per_day_publication()),
    };
    let bucket = BUCKET_DAYS
        .into_iter()
        .find(|&d| d as f32 * axis.px_per_day >= 3.0)
        .unwrap_or(365);
    // The buckets of the days shown, aligned on the timeline's first day so that they do not
    // change as the view pans.
    let first = usize::try_from(start - range_start).unwrap_or(0) / bucket * bucket;
    let last = usize::try_from(end - range_start + 1)
        .unwrap_or(0)
        .min(per_day.len());
    let shown = |counts: &'_ [u32]| counts.get(first.min(last)..last).unwrap_or(&[]).to_vec();
    let buckets = histogram_buckets(&shown(per_day), &shown(per_day_publication), bucket, filter);
    let max = buckets
        .iter()
        .map(|b| b.text + b.publication)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    for (i, b) in buckets.iter().enumerate() {
        let n = b.text + b.publication;
        if n == 0 {
            continue;
        }
        let day = range_start + (first + i * bucket) as DayNum;
        let h = (n as f32 / max).sqrt() * hist.height();
        let h_text = h * b.text as f32 / n as f32;
        let x0 = axis.x(day);
        let x1 = (axis.x(day + bucket as DayNum) - 1.0).max(x0 + 1.0);
        let inside = window.contains_interval(day, day + bucket as DayNum - 1);
        let color = if inside {
            palette.event
        } else {
            palette.event.gamma_multiply(0.45)
        };
        if b.text > 0 {
            let bar = Rect::from_min_max(pos2(x0, hist.bottom() - h_text), pos2(x1, hist.bottom()));
            painter.rect_filled(bar, 0.0, color);
        }
        if b.publication > 0 {
            let top = Rect::from_min_max(
                pos2(x0, hist.bottom() - h),
                pos2(x1, hist.bottom() - h_text),
            );
            // Open on a wide bar (an outline over a faint fill); a bar of a few pixels cannot
            // show an outline, so there the fill is lighter than the solid part, with a cap.
            painter.rect_filled(top, 0.0, color.gamma_multiply(0.35));
            if x1 - x0 >= 4.0 {
                painter.rect_stroke(top, 0.0, Stroke::new(1.0, color), StrokeKind::Inside);
            } else {
                painter.line_segment([top.left_top(), top.right_top()], Stroke::new(1.0, color));
            }
        }
    }

    // The event dataset's records per bucket: a line over the bars, on its own scale.
    if let Some(layer) = layer.filter(|_| !state.hide_layer) {
        let counts = layer.layer.bucket_counts(
            range_start + first as DayNum,
            bucket,
            buckets.len().max(1),
            layer.mask(),
        );
        let top = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
        let points: Vec<egui::Pos2> = counts
            .iter()
            .enumerate()
            .flat_map(|(i, &n)| {
                let day = range_start + (first + i * bucket) as DayNum;
                let y = hist.bottom() - (n as f32 / top).sqrt() * (hist.height() - 2.0);
                [
                    pos2(axis.x(day), y),
                    pos2(axis.x(day + bucket as DayNum), y),
                ]
            })
            .collect();
        if points.len() >= 2 {
            painter.add(egui::Shape::line(
                points,
                Stroke::new(1.5, palette.recorded),
            ));
        }
    }

    // Uncertain dates as spans, with end caps.
    // Spans that would paint the same pixels as the last one drawn in their lane are skipped.
    let mut last_span: [Option<(i32, i32, bool)>; SPAN_LANES] = [None; SPAN_LANES];
    for s in &model.timeline.spans {
        let y = spans_rect.top() + 2.0 + (s.lane as f32 + 0.5) * span_lane_h;
        let (x0, x1) = (axis.x(s.from.max(start)), axis.x(s.to.min(end) + 1));
        if x1 < inner.left() || x0 > inner.right() {
            continue;
        }
        let inside = window.contains_interval(s.from, s.to);
        let px = Some((x0.round() as i32, x1.round() as i32, inside));
        if let Some(last) = last_span.get_mut(s.lane) {
            if *last == px && s.events <= 2 {
                continue;
            }
            *last = px;
        }
        let color = if inside {
            palette.event
        } else {
            palette.event.gamma_multiply(0.45)
        };
        let w = if s.events > 2 { 3.0 } else { 2.0 };
        painter.line_segment([pos2(x0, y), pos2(x1, y)], Stroke::new(w, color));
        painter.line_segment(
            [pos2(x0, y - 3.0), pos2(x0, y + 3.0)],
            Stroke::new(1.5, color),
        );
        painter.line_segment(
            [pos2(x1, y - 3.0), pos2(x1, y + 3.0)],
            Stroke::new(1.5, color),
        );
    }

    // The selected place's and article's events, in the selection lane. They come in time
    // order, so events with the interval just drawn are skipped: they would paint the same mark
    // (a busy place has tens of thousands of events, on a few hundred days).
    // Events dated only by publication are drawn hollow, as on the map (the derived lists hold
    // none of them while they are hidden).
    let events = &model.dataset.index.events;
    let mut last_mark: Option<(DayNum, DayNum, [u8; 4], bool)> = None;
    let mut mark = |i: usize, color: Color32, y: f32| {
        let Some(event) = events.get(i) else {
            return;
        };
        let Some(when) = event.when() else {
            return;
        };
        let (f, t) = (day_num(when.from), day_num(when.to));
        let hollow = event.publication_dated();
        let key = Some((f, t, color.to_array(), hollow));
        if t < start || f > end || last_mark == key {
            return;
        }
        last_mark = key;
        if f == t {
            let x = axis.x_mid(f);
            let diamond = vec![
                pos2(x, y - 5.0),
                pos2(x + 4.0, y),
                pos2(x, y + 5.0),
                pos2(x - 4.0, y),
            ];
            if hollow {
                painter.add(Shape::closed_line(diamond, Stroke::new(1.5, color)));
            } else {
                painter.add(Shape::convex_polygon(
                    diamond,
                    color,
                    Stroke::new(1.0, palette.outline),
                ));
            }
        } else {
            let r = Rect::from_x_y_ranges(
                axis.x(f.max(start))..=axis.x(t.min(end) + 1),
                y - 2.5..=y + 2.5,
            );
            painter.rect_filled(r, 1.0, color);
        }
    };
    let y_sel = sel_lane.center().y;
    for &i in &derived.place_events {
        mark(i, palette.selected, y_sel);
    }
    for &i in &derived.article_events {
        mark(i, palette.published, y_sel);
    }

    // Publication dates: triangles in their own lane, one per day (articles of one day would
    // paint the same triangle); the selected article's is bigger, drawn last.
    let chosen_day = state
        .selected_article
        .and_then(|a| model.dataset.index.published(a))
        .map(day_num);
    let days = model.timeline.publication_days.iter().map(|&d| (d, false));
    for (day, chosen) in days.chain(chosen_day.map(|d| (d, true))) {
        if day < start || day > end {
            continue;
        }
        let x = axis.x_mid(day);
        let s = if chosen { 7.0 } else { 5.0 };
        let top = pub_lane.top() + 2.0;
        painter.add(Shape::convex_polygon(
            vec![pos2(x - s, top), pos2(x + s, top), pos2(x, top + s * 1.6)],
            if chosen {
                palette.selected
            } else {
                palette.published
            },
            Stroke::new(1.0, palette.outline),
        ));
    }

    // Calendar ticks and labels, and a faint line at each new year.
    axis_ui(
        &painter,
        &axis,
        (axis_rect, inner),
        visuals.text_color(),
        visuals.weak_text_color(),
    );

    // Lane captions, in the gutter.
    let caption = FontId::proportional(14.0);
    let weak = visuals.weak_text_color();
    let per = bucket_caption(bucket);
    let lanes = [
        (pub_lane.center().y, "published", palette.published),
        (hist.center().y, per, palette.event),
        (sel_lane.center().y, "selection", palette.selected),
        (
            hist.bottom() - 8.0,
            layer
                .filter(|_| !state.hide_layer)
                .map_or("", |l| l.layer.source.name()),
            palette.recorded,
        ),
        (spans_rect.center().y, "uncertain", palette.event),
    ];
    for (y, text, color) in lanes {
        let y = if text == per && hist.height() >= 58.0 {
            hist.top() + 10.0
        } else {
            y
        };
        frame_painter.text(
            pos2(full.left() + 4.0, y),
            Align2::LEFT_CENTER,
            text,
            caption.clone(),
            color,
        );
    }
    // The histogram's key, under its caption when there is room: solid dated by the text,
    // hollow by publication only (left out while hidden).
    if hist.height() >= 58.0 {
        let small = FontId::proportional(13.0);
        let mut keys = vec![(false, "by the text")];
        if filter == EventFilter::All {
            keys.push((true, "publication"));
        }
        for (k, (hollow, text)) in keys.into_iter().enumerate() {
            let y = hist.top() + 28.0 + 16.0 * k as f32;
            let swatch = Rect::from_center_size(pos2(full.left() + 9.0, y), vec2(9.0, 9.0));
            if hollow {
                outlined(&frame_painter, swatch, palette.event, 0.35);
            } else {
                frame_painter.rect_filled(swatch, 0.0, palette.event);
            }
            frame_painter.text(
                pos2(full.left() + 17.0, y),
                Align2::LEFT_CENTER,
                text,
                small.clone(),
                weak,
            );
        }
    }
    frame_painter.line_segment(
        [
            pos2(inner.left() - 4.0, full.top()),
            pos2(inner.left() - 4.0, full.bottom()),
        ],
        Stroke::new(1.0, weak.gamma_multiply(0.5)),
    );

    // A zoomed view says what it shows and how to see everything again.
    if state.timeline_zoomed() {
        frame_painter.text(
            pos2(full.left() + 4.0, full.bottom() - 2.0),
            Align2::LEFT_BOTTOM,
            "zoomed · double-click: all",
            FontId::proportional(11.0),
            weak,
        );
    }

    // The cursor (when in view).
    let cx = axis.x_mid(state.cursor_day());
    if (start..=end).contains(&state.cursor_day()) {
        painter.line_segment(
            [pos2(cx, inner.top()), pos2(cx, inner.bottom() - axis_h)],
            Stroke::new(3.0, palette.cursor),
        );
        let label = state.cursor().format("%-d %b %Y").to_string();
        let font = FontId::proportional(16.0);
        let galley = painter.layout_no_wrap(label, font, palette.outline);
        let left = (cx - galley.size().x / 2.0 - 4.0)
            .clamp(inner.left(), inner.right() - galley.size().x - 8.0);
        let tag = Rect::from_min_size(pos2(left, hist.top()), galley.size() + vec2(8.0, 2.0));
        painter.rect_filled(tag, 3.0, palette.cursor);
        painter.galley(tag.min + vec2(4.0, 1.0), galley, palette.outline);
    }
    frame_painter.rect_stroke(
        rect,
        4.0,
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        StrokeKind::Inside,
    );

    strip_gestures(ui, view, (&response, &axis, cx), state, intents);
    if let Some(StripDrag::Brush(from)) = view.drag
        && let Some(pos) = response.interact_pointer_pos()
    {
        let to = axis.day_at(pos.x);
        let (a, b) = (from.min(to), from.max(to));
        let brushed = Rect::from_x_y_ranges(axis.x(a)..=axis.x(b + 1), inner.y_range());
        outlined(&painter, brushed, palette.cursor, 0.2);
    }
    if let Some(pos) = response.hover_pos() {
        let day = axis.day_at(pos.x);
        let on = |counts: &[u32]| {
            usize::try_from(day - range_start)
                .ok()
                .and_then(|i| counts.get(i))
                .copied()
                .unwrap_or(0)
        };
        let (n, publication) = (on(per_day), on(per_day_publication));
        let published = model.timeline.published_on(day);
        response.on_hover_ui_at_pointer(|ui| {
            ui.strong(date_of(day).format("%A %-d %B %Y").to_string());
            ui.label(format!(
                "{} event(s) starting this day: {}",
                filter.count(n, publication),
                day_dating_text(n, publication, filter)
            ));
            ui.label(format!("{published} article(s) published"));
        });
    }
}

/// A box outlined in `color`, filled with it faded to `fill_share`.
fn outlined(painter: &egui::Painter, rect: Rect, color: Color32, fill_share: f32) {
    painter.rect_filled(rect, 0.0, color.gamma_multiply(fill_share));
    painter.rect_stroke(rect, 0.0, Stroke::new(1.0, color), StrokeKind::Inside);
}

/// The strip's gestures: a click moves the cursor; a drag from the cursor moves it, a drag
/// elsewhere brushes a range the view then zooms to; the wheel (or a pinch) zooms about the
/// pointer, a sideways wheel (Shift+wheel) pans; a double-click shows the whole timeline.
fn strip_gestures(
    ui: &Ui,
    view: &mut TimelineView,
    (response, axis, cursor_x): (&egui::Response, &DayAxis, f32),
    state: &AppState,
    intents: &mut Vec<Intent>,
) {
    let shown = state.timeline_view();
    if response.double_clicked() {
        view.drag = None;
        intents.push(Intent::ResetTimeline);
        return;
    }
    // A drag starts where the button went down (the pointer has moved on by the time it counts
    // as a drag).
    let press = ui.input(|i| i.pointer.press_origin());
    if response.drag_started()
        && let Some(pos) = press.or_else(|| response.interact_pointer_pos())
    {
        view.drag = Some(if (pos.x - cursor_x).abs() <= 12.0 {
            StripDrag::Cursor
        } else {
            StripDrag::Brush(axis.day_at(pos.x))
        });
    }
    let at = response.interact_pointer_pos().map(|p| axis.day_at(p.x));
    match (view.drag, at) {
        (Some(StripDrag::Cursor), Some(day)) if response.dragged() && day != state.cursor_day() => {
            intents.push(Intent::Seek(date_of(day)));
        }
        (Some(StripDrag::Brush(from)), Some(to)) if response.drag_stopped() && from != to => {
            intents.push(Intent::ShowTimeline {
                from: from.min(to),
                to: from.max(to),
            });
        }
        (None, Some(day)) if response.clicked() && day != state.cursor_day() => {
            intents.push(Intent::Seek(date_of(day)));
        }
        _ => {}
    }
    if response.drag_stopped() || !response.is_pointer_button_down_on() && !response.dragged() {
        view.drag = None;
    }

    let Some(pos) = response.hover_pos() else {
        view.zoom_carry = 0.0;
        view.pan_carry = 0.0;
        return;
    };
    let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
    if (pinch - 1.0).abs() > 1e-4 {
        view.zoom_carry -= f64::from(pinch).ln();
    } else {
        view.zoom_carry -= f64::from(scroll.y) * 0.004;
    }
    view.pan_carry -= scroll.x / axis.px_per_day;
    if scroll != egui::Vec2::ZERO || (pinch - 1.0).abs() > 1e-4 {
        ui.ctx()
            .input_mut(|i| i.smooth_scroll_delta = egui::Vec2::ZERO);
    }
    let zoomed = zoomed_view(shown, axis.day_f(pos.x), view.zoom_carry.exp());
    let zoomed = if zoomed.1 - zoomed.0 < crate::session::state::MIN_TIMELINE_VIEW_DAYS - 1 {
        shown
    } else {
        zoomed
    };
    let pan = view.pan_carry.trunc() as DayNum;
    let wanted = (zoomed.0 + pan, zoomed.1 + pan);
    if wanted != shown {
        view.zoom_carry = 0.0;
        view.pan_carry -= pan as f32;
        intents.push(Intent::ShowTimeline {
            from: wanted.0,
            to: wanted.1,
        });
    } else if view.zoom_carry.abs() > 3.0 {
        // At a limit (the whole timeline, a week): forget what is beyond it.
        view.zoom_carry = 0.0;
    }
}

/// "3 dated by the text, 2 by publication only" for a day of `n` events of which `publication`
/// are publication-dated.
fn day_dating_text(n: u32, publication: u32, filter: EventFilter) -> String {
    let text = n.saturating_sub(publication);
    match filter {
        EventFilter::All => format!("{text} dated by the text, {publication} by publication only"),
        EventFilter::DatedByText if publication > 0 => {
            format!("dated by the text ({publication} dated by publication only hidden)")
        }
        EventFilter::DatedByText => "dated by the text".to_owned(),
    }
}

fn axis_ui(
    painter: &egui::Painter,
    axis: &DayAxis,
    (rect, strip): (Rect, Rect),
    text: Color32,
    weak: Color32,
) {
    let font = FontId::proportional(14.0);
    for tick in axis_ticks(axis.start, axis.end, axis.px_per_day) {
        let x = axis.x(tick.day);
        let new_year = date_of(tick.day).ordinal() == 1;
        if new_year {
            painter.line_segment(
                [pos2(x, strip.top()), pos2(x, rect.top())],
                Stroke::new(1.0, weak.gamma_multiply(0.35)),
            );
        }
        painter.line_segment(
            [pos2(x, rect.top()), pos2(x, rect.top() + 6.0)],
            Stroke::new(1.0, weak),
        );
        painter.text(
            Pos2::new(x + 2.0, rect.top() + 4.0),
            Align2::LEFT_TOP,
            tick.label,
            font.clone(),
            text,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::timeline::Bucket;

    #[test]
    fn buckets_split_text_and_publication_dated_events_and_the_filter_drops_the_latter() {
        let per_day = [3, 0, 2, 5, 1, 0, 0, 4];
        let publication = [1, 0, 2, 0, 1, 0, 0, 0];
        let days = histogram_buckets(&per_day, &publication, 1, EventFilter::All);
        assert_eq!(
            days[0],
            Bucket {
                text: 2,
                publication: 1
            }
        );
        assert_eq!(
            days[2],
            Bucket {
                text: 0,
                publication: 2
            }
        );
        let weeks = histogram_buckets(&per_day, &publication, 7, EventFilter::All);
        assert_eq!(
            weeks,
            vec![
                Bucket {
                    text: 7,
                    publication: 4
                },
                Bucket {
                    text: 4,
                    publication: 0
                }
            ]
        );
        let text_only = histogram_buckets(&per_day, &publication, 7, EventFilter::DatedByText);
        assert_eq!(
            text_only[0],
            Bucket {
                text: 7,
                publication: 0
            }
        );
        assert_eq!(
            day_dating_text(5, 2, EventFilter::All),
            "3 dated by the text, 2 by publication only"
        );
    }

    #[test]
    fn speeds_read_in_the_right_number() {
        assert_eq!(speed_text(1.0), "1 day/s");
        assert_eq!(speed_text(7.0), "7 days/s");
    }

    #[test]
    fn the_day_axis_maps_both_ways() {
        let rect = Rect::from_min_size(pos2(100.0, 0.0), vec2(300.0, 10.0));
        let axis = DayAxis::new(rect, 1000, 1029);
        assert!((axis.x(1000) - 100.0).abs() < 1e-3);
        assert_eq!(axis.day_at(axis.x_mid(1010)), 1010);
        assert_eq!(axis.day_at(0.0), 1000);
        assert_eq!(axis.day_at(10_000.0), 1029);
    }
}
