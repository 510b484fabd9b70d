//! What a presenter puts on the wall: the opening view (every event up to the last day, fitted
//! to the part of the map the legend and the buttons leave free), an article's places brought
//! into view, and a saved view kept to the corpus it was saved over.

use std::path::Path;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsatlas::gui::{NewsAtlasApp, Prefs, corpus_key};
use newsatlas::{Dataset, LatLon, WindowMode};

fn seeds() -> Dataset {
    Dataset::load_bundled(Path::new(env!("CARGO_MANIFEST_DIR")))
}

fn app_at(size: [f32; 2], prefs: Prefs) -> Harness<'static, NewsAtlasApp> {
    app_over(size, seeds(), prefs)
}

/// The app over `dataset` in a window of `size`, settled after its first fit.
pub(crate) fn app_over(
    size: [f32; 2],
    dataset: Dataset,
    prefs: Prefs,
) -> Harness<'static, NewsAtlasApp> {
    // Frames 1/60 s apart, as on screen (two clicks make a double click).
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(120)
        .build_eframe(move |cc| NewsAtlasApp::with_dataset_and_prefs(&cc.egui_ctx, dataset, prefs));
    settle(&mut harness);
    harness
}

/// Steps until the map has stopped flying (bounded).
pub(crate) fn settle(harness: &mut Harness<'_, NewsAtlasApp>) {
    harness.run();
    for _ in 0..200 {
        if !harness.state().map_view().is_animating() {
            break;
        }
        harness.step();
    }
    harness.run();
}

fn coord_of(harness: &Harness<'_, NewsAtlasApp>, name: &str) -> LatLon {
    let model = harness.state().model().expect("loaded");
    let derived = harness.state().derived().expect("derived");
    let m = derived
        .markers
        .iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("a marker for {name}"));
    assert!(m.active(), "{name} has events in the opening view");
    model.place_coord(m.place).expect("a coordinate")
}

#[test]
fn the_opening_view_shows_the_corpus_up_to_its_last_day_clear_of_the_legend() {
    for size in [[1024.0, 640.0], [1280.0, 800.0], [1920.0, 1080.0]] {
        let harness = app_at(size, Prefs::default());
        let app = harness.state();
        let state = app.state();
        assert_eq!(state.mode, WindowMode::Cumulative, "{size:?}");
        assert_eq!(state.cursor(), state.range().1, "{size:?}");
        let free = app.map_view().free_area().expect("the map was shown");
        for name in ["Libya", "Italy", "Russia", "France", "Tripoli", "Moscow"] {
            let at = app
                .map_view()
                .screen_of(coord_of(&harness, name))
                .expect("on the map");
            assert!(
                free.contains(at),
                "{name} at {at:?}, outside the free area {free:?} at {size:?}"
            );
        }
    }
}

#[test]
fn the_legend_folds_and_unfolds() {
    let mut harness = app_at([1280.0, 800.0], Prefs::default());
    assert!(harness.state().map_view().legend_open());
    let before = harness.state().map_view().free_area().expect("shown");
    harness.get_by_label("Legend").click();
    harness.run();
    assert!(!harness.state().map_view().legend_open());
    let after = harness.state().map_view().free_area().expect("shown");
    assert!(after.area() > before.area(), "{after:?} vs {before:?}");
    // On a small map it starts folded.
    let small = app_at([1024.0, 640.0], Prefs::default());
    assert!(!small.state().map_view().legend_open());
}

#[test]
fn selecting_an_article_brings_its_places_into_view() {
    let mut harness = app_at([1280.0, 800.0], Prefs::default());
    // Zoom in far on Moscow, away from Libya.
    harness
        .state_mut()
        .map_view_mut()
        .show(LatLon::new(55.75, 37.6), 9.0);
    settle(&mut harness);
    let title = harness.state().model().expect("loaded").dataset.articles[2]
        .title
        .clone();
    harness.get_by_label_contains(&title).click();
    settle(&mut harness);
    let app = harness.state();
    let model = app.model().expect("loaded");
    let (sw, ne) = model
        .article_bounds(newsatlas::extract::ArticleIdx(2))
        .expect("the article has places");
    let free = app.map_view().free_area().expect("shown");
    for corner in [sw, ne] {
        let at = app.map_view().screen_of(corner).expect("shown");
        assert!(free.contains(at), "{corner:?} at {at:?} outside {free:?}");
    }
}

#[test]
fn a_view_saved_over_another_corpus_is_not_restored() {
    let saved = Prefs {
        corpus: Some("3-0000000000000000".to_owned()),
        map_center: Some(LatLon::new(-33.9, 151.2)),
        map_zoom: Some(10.0),
        cursor: NaiveDate::from_ymd_opt(2019, 5, 1),
        mode: WindowMode::Window,
        half_window_days: 3,
        ..Prefs::default()
    };
    let harness = app_at([1280.0, 800.0], saved.clone());
    let app = harness.state();
    assert_eq!(app.state().mode, WindowMode::Cumulative);
    assert_eq!(app.state().cursor(), app.state().range().1);
    assert_eq!(
        app.state().half_window_days,
        3,
        "the window width is the user's"
    );
    let center = app.map_view().center().expect("fitted");
    assert!(center.lon > 0.0, "not Sydney: {center:?}");

    // Over the corpus it was saved over, the view comes back.
    let same = Prefs {
        corpus: Some(corpus_key(&seeds().articles)),
        ..saved
    };
    let harness = app_at([1280.0, 800.0], same);
    let app = harness.state();
    assert_eq!(app.state().mode, WindowMode::Window);
    assert_eq!(
        app.state().cursor(),
        NaiveDate::from_ymd_opt(2019, 5, 1).expect("date")
    );
    let center = app.map_view().center().expect("restored");
    assert!((center.lon - 151.2).abs() < 0.01, "{center:?}");
}

/// The days strip of the timeline: its rect, and the x of a fraction of the days it shows (the
/// lane captions take the first 104 points).
fn strip(harness: &Harness<'_, NewsAtlasApp>) -> egui::Rect {
    harness.get_by_label("Timeline").rect()
}

fn x_at(rect: egui::Rect, share: f32) -> f32 {
    let left = rect.left() + 8.0 + 96.0;
    let right = rect.right() - 8.0;
    left + (right - left) * share
}

fn wheel(harness: &mut Harness<'_, NewsAtlasApp>, at: egui::Pos2, delta_y: f32) {
    harness.hover_at(at);
    harness.step();
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, delta_y),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    for _ in 0..30 {
        harness.step();
    }
}

#[test]
fn the_wheel_zooms_the_timeline_about_the_pointer_and_a_double_click_shows_it_all() {
    let mut harness = app_at([1280.0, 800.0], Prefs::default());
    let full = harness.state().state().timeline_view();
    assert_eq!(full, harness.state().state().range_days());
    let rect = strip(&harness);
    let at = egui::pos2(x_at(rect, 0.25), rect.center().y);
    let day_under = |v: (i32, i32)| f64::from(v.0) + f64::from(v.1 + 1 - v.0) * 0.25;
    let before = day_under(full);
    for _ in 0..4 {
        wheel(&mut harness, at, 120.0);
    }
    let zoomed = harness.state().state().timeline_view();
    assert!(
        (zoomed.1 - zoomed.0) * 3 < full.1 - full.0,
        "zoomed in: {zoomed:?} of {full:?}"
    );
    assert!(
        (day_under(zoomed) - before).abs() <= 3.0,
        "the day under the pointer stays there: {} vs {before}",
        day_under(zoomed)
    );
    // Zoomed to a month or less, the axis labels days.
    while {
        let v = harness.state().state().timeline_view();
        v.1 - v.0 > 31
    } {
        wheel(&mut harness, at, 120.0);
    }
    let v = harness.state().state().timeline_view();
    assert!(v.1 - v.0 >= 6, "never under a week: {v:?}");
    // Wheel the other way: out again, up to the whole timeline.
    for _ in 0..12 {
        wheel(&mut harness, at, -240.0);
    }
    assert_eq!(harness.state().state().timeline_view(), full);
    for _ in 0..3 {
        wheel(&mut harness, at, 120.0);
    }
    assert!(harness.state().state().timeline_zoomed());
    harness.hover_at(at);
    harness.step();
    for pressed in [true, false, true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    assert_eq!(
        harness.state().state().timeline_view(),
        full,
        "double-click"
    );
}

#[test]
fn dragging_across_the_timeline_brushes_a_range_to_zoom_to() {
    let mut harness = app_at([1280.0, 800.0], Prefs::default());
    let full = harness.state().state().timeline_view();
    let cursor = harness.state().state().cursor();
    let rect = strip(&harness);
    let (a, b) = (x_at(rect, 0.10), x_at(rect, 0.30));
    let y = rect.center().y;
    harness.hover_at(egui::pos2(a, y));
    harness.step();
    harness.drag_at(egui::pos2(a, y));
    harness.step();
    for x in [a + 20.0, f32::midpoint(a, b), b] {
        harness.hover_at(egui::pos2(x, y));
        harness.step();
    }
    harness.drop_at(egui::pos2(b, y));
    harness.run();
    let (from, to) = harness.state().state().timeline_view();
    let span = f64::from(full.1 - full.0 + 1);
    let expect_from = f64::from(full.0) + span * 0.10;
    let expect_to = f64::from(full.0) + span * 0.30;
    assert!(
        (f64::from(from) - expect_from).abs() <= 2.0 && (f64::from(to) - expect_to).abs() <= 2.0,
        "{from}..{to} vs {expect_from}..{expect_to}"
    );
    assert_eq!(
        harness.state().state().cursor(),
        cursor,
        "brushing leaves the cursor"
    );
}

#[test]
fn clicking_a_date_in_the_text_moves_the_cursor_into_its_interval() {
    let mut harness = app_at([1600.0, 1000.0], Prefs::default());
    let title = harness.state().model().expect("loaded").dataset.articles[0]
        .title
        .clone();
    harness.get_by_label_contains(&title).click();
    harness.run();
    harness.get_by_label("Timeline").click();
    harness.run();
    let label = newsatlas::gui::date_label("Saturday");
    harness
        .get_all_by_label(&label)
        .next()
        .expect("a date in the text")
        .click();
    harness.run();
    assert_eq!(
        harness.state().state().cursor(),
        NaiveDate::from_ymd_opt(2019, 4, 27).expect("date"),
        "'on Saturday' before 28 April 2019"
    );
}

#[test]
fn a_search_filters_the_map_the_timeline_and_the_export_alike_and_shows_as_a_chip() {
    let mut harness = app_at([1280.0, 800.0], Prefs::default());
    let before = harness.state().derived().expect("derived").shown_events;
    harness.get_by_label("Search").focus();
    // Two of the five seeds name him (every one names Haftar).
    harness.get_by_label("Search").type_text("Putin");
    harness.run();
    let app = harness.state();
    let model = app.model().expect("loaded");
    let derived = app.derived().expect("derived");
    let ds = &model.dataset;
    let window = app.state().window();
    let putin: Vec<bool> = ds
        .articles
        .iter()
        .map(|a| a.title.contains("Putin") || a.body.text().contains("Putin"))
        .collect();
    assert!(putin.iter().any(|&h| h) && !putin.iter().all(|&h| h));
    // The map: every marker counts the window's events of the matching articles only.
    for m in &derived.markers {
        let expected = ds
            .index
            .events_in(window)
            .map(|i| &ds.index.events[i])
            .filter(|e| e.place == m.place && putin[e.article.0 as usize])
            .count() as u32;
        assert_eq!(m.count, expected, "{}", m.name);
    }
    let on_map: u64 = derived.markers.iter().map(|m| u64::from(m.count)).sum();
    assert!(on_map > 0 && on_map < before, "{on_map} of {before}");
    assert_eq!(derived.shown_events, on_map);
    // The export: the same events.
    let exported = newsatlas::gui::filtered_events(model, derived, app.state());
    assert_eq!(exported.len() as u64, on_map, "export agrees with the map");
    assert!(exported.iter().all(|e| putin[e.article.0 as usize]));
    // The timeline: its bars count the matching articles' events only.
    let (per_day, _) = derived.per_day.as_ref().expect("the timeline is filtered");
    let bars: u32 = per_day.iter().sum();
    let (start, end) = app.state().range_days();
    let expected = ds
        .index
        .dated_events()
        .iter()
        .filter(|e| putin[e.article.0 as usize] && (start..=end).contains(&e.from))
        .count() as u32;
    assert_eq!(bars, expected);
    assert!(bars < ds.index.per_day().iter().sum::<u32>());

    // Enter steps through the articles with a hit; Shift+Enter goes back.
    harness.get_by_label("Search").focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let first = harness
        .state()
        .state()
        .selected_article
        .expect("a hit selected");
    assert!(putin[first.0 as usize]);
    harness.key_press(egui::Key::Enter);
    harness.run();
    let second = harness
        .state()
        .state()
        .selected_article
        .expect("a hit selected");
    assert!(putin[second.0 as usize]);
    assert_ne!(first, second);
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().state().selected_article, Some(first));

    // The chip takes the search off, everywhere.
    harness
        .get_by_label(&newsatlas::gui::chip_label("“Putin”"))
        .click();
    harness.run();
    let derived = harness.state().derived().expect("derived");
    assert!(harness.state().state().search.is_empty());
    assert!(derived.per_day.is_none());
}

#[test]
fn the_window_and_the_date_basis_show_as_chips_that_remove_them() {
    let mut harness = app_at([1280.0, 800.0], Prefs::default());
    harness.get_by_label("Window ±").click();
    harness.run();
    let text = newsatlas::gui::window_text(harness.state().state());
    harness
        .get_by_label(&newsatlas::gui::chip_label(&text))
        .click();
    harness.run();
    assert_eq!(harness.state().state().mode, WindowMode::Cumulative);
    harness
        .get_by_label_contains(newsatlas::gui::PUBLICATION_SWITCH_LABEL)
        .click();
    harness.run();
    let label = newsatlas::gui::chip_label("dated by the text only");
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(
        harness.state().state().event_filter,
        newsatlas::EventFilter::All
    );
}

#[test]
fn a_date_that_cannot_be_read_says_why() {
    let mut harness = app_at([1024.0, 640.0], Prefs::default());
    let label = newsatlas::gui::GOTO_LABEL;
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text("31.02.2020");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label("not a date").is_some());
    assert!(harness.state().state().cursor() == harness.state().state().range().1);
}
