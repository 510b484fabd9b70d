//! The view holds as a user works it: markers at one spot fan out on a click and fold back, the
//! timeline and the scenes panel fold away with the map keeping (or refitting) its view, and the
//! article's text takes the room left in the pane, also on a small screen and for a huge text.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::present::settle;
use newsatlas::gui::{
    NewsAtlasApp, Prefs, SCENES_BUTTON, TIMELINE_TOGGLE, marker_label, spread_marker_label,
};
use newsatlas::{Dataset, LatLon};

fn seeds() -> Dataset {
    Dataset::load_bundled(Path::new(env!("CARGO_MANIFEST_DIR")))
}

fn app_over(size: [f32; 2], dataset: Dataset) -> Harness<'static, NewsAtlasApp> {
    super::present::app_over(size, dataset, Prefs::default())
}

fn name_of(harness: &Harness<'_, NewsAtlasApp>, place: newsatlas::gazetteer::PlaceIdx) -> String {
    harness.state().model().expect("loaded").place_name(place)
}

/// The app over the seeds at 1280x800, the map at `center` and `zoom`.
fn app_showing(center: LatLon, zoom: f64) -> Harness<'static, NewsAtlasApp> {
    let mut harness = app_over([1280.0, 800.0], seeds());
    harness.state_mut().map_view_mut().show(center, zoom);
    harness.run();
    harness
}

#[test]
fn a_marker_holding_several_places_is_selected_and_fans_them_out_on_a_click_and_folds_back() {
    // Zoomed out over Libya, Tripoli's marker holds the places around it.
    let mut harness = app_showing(LatLon::new(32.9, 13.2), 2.0);
    harness
        .get_by_label(&marker_label("Tripoli"))
        .click_accesskit();
    harness.run();
    let spread = harness
        .state()
        .state()
        .spread
        .clone()
        .expect("the click fans the places out");
    assert!(spread.places.len() >= 2, "{spread:?}");
    let tripoli = harness
        .state()
        .state()
        .selected_place
        .expect("Tripoli is selected too");
    assert_eq!(name_of(&harness, tripoli), "Tripoli");
    let names: Vec<String> = spread
        .places
        .iter()
        .map(|&p| name_of(&harness, p))
        .collect();
    assert!(names.iter().any(|n| n == "Tripoli"), "{names:?}");

    // Each fanned-out marker is its own button: a click selects its place, the spread stays.
    let other = spread
        .places
        .iter()
        .copied()
        .find(|&p| name_of(&harness, p) != "Tripoli")
        .expect("another place");
    harness
        .get_by_label(&spread_marker_label(&name_of(&harness, other)))
        .click();
    harness.run();
    assert_eq!(harness.state().state().selected_place, Some(other));
    assert!(harness.state().state().spread.is_some());

    // Esc folds them back and keeps the selection.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().state().spread, None);
    assert_eq!(harness.state().state().selected_place, Some(other));
    assert!(
        harness
            .query_by_label(&spread_marker_label(&name_of(&harness, other)))
            .is_none()
    );

    // A zoom folds them back too.
    harness
        .get_by_label(&marker_label("Tripoli"))
        .click_accesskit();
    harness.run();
    assert!(harness.state().state().spread.is_some(), "open again");
    harness.get_by_label("Zoom in").click();
    settle(&mut harness);
    assert_eq!(harness.state().state().spread, None);
}

#[test]
fn a_marker_alone_is_selected_by_a_click_not_fanned_out() {
    let mut harness = app_showing(LatLon::new(55.75, 37.6), 9.0);
    harness.get_by_label(&marker_label("Moscow")).click();
    harness.run();
    assert_eq!(harness.state().state().spread, None);
    let selected = harness.state().state().selected_place.expect("selected");
    assert_eq!(name_of(&harness, selected), "Moscow");
}

/// How far from the map's centre `p` is drawn, in points.
fn offset(harness: &Harness<'_, NewsAtlasApp>, p: LatLon) -> egui::Vec2 {
    let view = harness.state().map_view();
    let center = view.center().expect("a centre");
    view.screen_of(p).expect("shown") - view.screen_of(center).expect("shown")
}

#[test]
fn the_timeline_and_the_scenes_panel_fold_away_and_the_map_keeps_its_view() {
    let mut harness = app_over([1280.0, 800.0], seeds());
    let height = |h: &Harness<'_, NewsAtlasApp>| h.state().map_view().size().expect("shown").y;
    let before = height(&harness);

    // The opening view is the fit: folding the timeline fits again into the taller map.
    harness.get_by_label(TIMELINE_TOGGLE).click();
    settle(&mut harness);
    assert!(!harness.state().prefs().show_timeline);
    assert!(height(&harness) > before + 150.0, "the map takes the room");
    let app = harness.state();
    let (sw, ne) = app.model().expect("loaded").bounds.expect("bounds");
    let free = app.map_view().free_area().expect("shown");
    for corner in [sw, ne] {
        let at = app.map_view().screen_of(corner).expect("shown");
        assert!(free.contains(at), "{corner:?} at {at:?} outside {free:?}");
    }
    harness.get_by_label(TIMELINE_TOGGLE).click();
    settle(&mut harness);
    assert!(harness.state().prefs().show_timeline);

    // A view of the user's own: opening the scenes panel keeps what it showed in view (by
    // zooming out), closing it brings the same view back.
    let rome = LatLon::new(41.9, 12.5);
    harness.state_mut().map_view_mut().show(rome, 6.0);
    harness.run();
    let width = harness.state().map_view().size().expect("shown").x;
    // Points at the map's left and right edges.
    let half_span_deg = f64::from(width / 2.0 - 2.0) / (256.0 * 2f64.powf(6.0)) * 360.0;
    let edges = [
        LatLon::new(rome.lat, rome.lon - half_span_deg),
        LatLon::new(rome.lat, rome.lon + half_span_deg),
    ];
    harness
        .get_by_role_and_label(Role::Button, SCENES_BUTTON)
        .click();
    settle(&mut harness);
    assert!(harness.state().prefs().show_scenes, "kept as a preference");
    let view = harness.state().map_view();
    let narrower = view.size().expect("shown").x;
    assert!(narrower < width - 100.0, "the panel took room: {narrower}");
    assert!(view.zoom() < 6.0, "zoomed out: {}", view.zoom());
    for p in edges {
        let dx = offset(&harness, p).x.abs();
        assert!(
            dx <= narrower / 2.0,
            "{p:?} left the map: {dx} > {}",
            narrower / 2.0
        );
    }
    harness
        .get_by_role_and_label(Role::Button, SCENES_BUTTON)
        .click();
    settle(&mut harness);
    let view = harness.state().map_view();
    assert!((view.zoom() - 6.0).abs() < 1e-6, "{}", view.zoom());
    let c = view.center().expect("a centre");
    assert!((c.lat - rome.lat).abs() < 1e-6 && (c.lon - rome.lon).abs() < 1e-6);
}

#[test]
fn at_1024_by_640_a_selected_article_gets_the_pane_for_its_text() {
    let mut harness = app_over([1024.0, 640.0], seeds());
    harness
        .get_by_label_contains("Di Maio calls Russia")
        .click();
    harness.run();
    assert!(harness.state().state().selected_article.is_some());
    let text = harness
        .state()
        .pane_view()
        .text_area()
        .expect("the text is shown");
    assert!(text.height() >= 200.0, "{text:?}");
    // The list gives way to the article; closing it brings the list back.
    harness.get_by_label("× Close").click();
    harness.run();
    assert!(harness.state().pane_view().text_area().is_none());
    assert!(
        harness
            .query_all_by_label_contains("Di Maio calls Russia")
            .next()
            .is_some()
    );
}

#[test]
fn a_huge_one_line_article_is_cut_in_the_pane_and_says_so() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut corpus, _) = newsatlas::corpus::Corpus::load_bundled(root);
    // 2 MB on one line (the pane's cut is at 100 KB; articles may have 20 MB).
    let line = "Fighting went on near Tripoli. ".repeat(2_000_000 / 31);
    let text = format!("title: endless\ndate: 2020-02-10\n\n{line}\n");
    let (article, _) =
        newsatlas::corpus::Article::from_text("endless", Path::new("endless.txt"), &text);
    corpus.articles.push(article);
    let (gazetteer, _) = newsatlas::gazetteer::Gazetteer::load_bundled(&root.join("data"));
    let dataset = Dataset::build(corpus, std::sync::Arc::new(gazetteer), Vec::new());
    let mut harness = app_over([1280.0, 800.0], dataset);
    harness.get_by_label_contains("endless").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Showing the first 99 KB of")
            .is_some()
    );
    let text = harness.state().pane_view().text_area().expect("shown");
    assert!(text.height() > 100.0);
}
