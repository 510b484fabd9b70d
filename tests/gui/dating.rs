//! How the dates were obtained, on screen: events dated only by their article's publication are
//! drawn hollow on the map and stacked apart on the timeline, and one switch ("Publication-dated
//! events", in the map legend) hides them from the map, the timeline, the article list and the
//! export. The real app over the bundled seeds, driven through AccessKit labels.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsatlas::Dataset;
use newsatlas::EventFilter;
use newsatlas::extract::WhenBasis;
use newsatlas::gazetteer::KindClass;
use newsatlas::gui::NewsAtlasApp;
use newsatlas::gui::Prefs;
use newsatlas::gui::filtered_events;
use newsatlas::gui::{PUBLICATION_SWITCH_LABEL, marker_label};
use newsatlas::gui::{Palette, ThemeChoice};
use newsatlas::histogram_buckets;

fn seeds() -> Dataset {
    Dataset::load_bundled(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// The seeds and one more article naming two Libyan towns the seeds do not, in sentences with no
/// date: those towns have only publication-dated events, whatever the event-time rule carries
/// within the seeds.
fn seeds_and_an_undated_report() -> Dataset {
    seeds_and_a_report(
        "title: report\ndate: 2020-02-10\n\nAid convoys reached Ghadames and Kufra.\n",
    )
}

/// The seeds and one more article, the file `text`.
fn seeds_and_a_report(text: &str) -> Dataset {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut corpus, _) = newsatlas::corpus::Corpus::load_bundled(root);
    let (report, _) =
        newsatlas::corpus::Article::from_text("report", Path::new("report.txt"), text);
    corpus.articles.push(report);
    let (gazetteer, _) = newsatlas::gazetteer::Gazetteer::load_bundled(&root.join("data"));
    Dataset::build(corpus, std::sync::Arc::new(gazetteer), Vec::new())
}

fn app_with(prefs: Prefs) -> Harness<'static, NewsAtlasApp> {
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(12)
        .build_eframe(move |cc| NewsAtlasApp::with_dataset_and_prefs(&cc.egui_ctx, seeds(), prefs));
    harness.run();
    harness
}

/// Everything up to the last day: every dated event is in the window.
fn cumulative(harness: &mut Harness<'_, NewsAtlasApp>) {
    harness.get_by_label("Cumulative").click();
    harness.run();
}

fn switch(harness: &mut Harness<'_, NewsAtlasApp>) {
    harness
        .get_by_label_contains(PUBLICATION_SWITCH_LABEL)
        .click();
    harness.run();
}

#[test]
fn the_switch_hides_publication_dated_events_from_map_timeline_lists_and_export() {
    let mut harness = app_with(Prefs::default());
    cumulative(&mut harness);
    let before = {
        let app = harness.state();
        let d = app.derived().expect("derived");
        assert_eq!(d.filter(), EventFilter::All);
        let shown: u32 = d.markers.iter().map(|m| m.count).sum();
        let publication: u32 = d.markers.iter().map(|m| m.publication).sum();
        assert!(publication > 0, "the seeds have publication-dated events");
        assert_eq!(u64::from(publication), d.counts.total_publication());
        assert!(d.markers.iter().any(newsatlas::Marker::publication_only));
        let exported = filtered_events(app.model().expect("loaded"), d, app.state());
        assert!(exported.iter().any(|e| e.basis == WhenBasis::Publication));
        (shown, publication, exported.len())
    };
    // The timeline's bars, as the strip draws them for the app's filter.
    let bars = |harness: &Harness<'_, NewsAtlasApp>| -> (u32, u32) {
        let app = harness.state();
        let index = &app.model().expect("loaded").dataset.index;
        let filter = app.derived().expect("derived").filter();
        let buckets = histogram_buckets(index.per_day(), index.per_day_publication(), 1, filter);
        (
            buckets.iter().map(|b| b.text).sum(),
            buckets.iter().map(|b| b.publication).sum(),
        )
    };
    let (text_bars, publication_bars) = bars(&harness);
    assert!(publication_bars > 0 && text_bars > 0);

    switch(&mut harness);
    let app = harness.state();
    assert_eq!(app.state().event_filter, EventFilter::DatedByText);
    assert!(!app.prefs().show_publication_dated, "kept as a preference");
    let d = app.derived().expect("derived");
    let shown: u32 = d.markers.iter().map(|m| m.count).sum();
    assert_eq!(shown, before.0 - before.1, "the map counts drop them");
    assert!(d.markers.iter().all(|m| m.publication == 0));
    assert!(!d.markers.iter().any(newsatlas::Marker::publication_only));
    let ds = &app.model().expect("loaded").dataset;
    assert!(
        d.place_events
            .iter()
            .chain(&d.article_events)
            .all(|&i| !ds.index.events[i].publication_dated())
    );
    let exported = filtered_events(app.model().expect("loaded"), d, app.state());
    assert_eq!(exported.len(), before.2 - before.1 as usize);
    assert!(exported.iter().all(|e| e.basis != WhenBasis::Publication));
    // The switch's text says how many it hides.
    assert!(
        harness
            .query_by_label_contains(&format!("({} hidden)", before.1))
            .is_some()
    );
    // The timeline's bars leave them out, the text-dated ones stay.
    assert_eq!(bars(&harness), (text_bars, 0));

    // Back on: every count returns.
    switch(&mut harness);
    let d = harness.state().derived().expect("derived");
    assert_eq!(d.markers.iter().map(|m| m.count).sum::<u32>(), before.0);
}

#[test]
fn a_place_named_only_in_undated_sentences_lists_no_article_once_they_are_hidden() {
    let mut harness = app_with(Prefs::default());
    cumulative(&mut harness);
    let candidates: Vec<_> = {
        let d = harness.state().derived().expect("derived");
        d.markers
            .iter()
            .filter(|m| m.publication_only() && m.count == m.total)
            .map(|m| (m.place, m.name.clone()))
            .collect()
    };
    // The first of them with a marker on this view to click (labelled markers are widgets).
    let (place, name) = candidates
        .into_iter()
        .find(|(_, name)| {
            harness
                .query_by_role_and_label(Role::Button, &marker_label(name))
                .is_some()
        })
        .expect("a place named only in sentences without a date, labelled on the map");
    harness
        .get_by_role_and_label(Role::Button, &marker_label(&name))
        .click_accesskit();
    harness.run();
    let d = harness.state().derived().expect("derived");
    assert_eq!(harness.state().state().selected_place, Some(place));
    assert!(!d.articles.is_empty());
    switch(&mut harness);
    let d = harness.state().derived().expect("derived");
    assert!(
        d.articles.is_empty(),
        "{name}: only publication-dated events, hidden"
    );
    assert!(d.place_events.is_empty());
}

#[test]
fn the_switch_survives_a_restart() {
    let mut harness = app_with(Prefs::default());
    switch(&mut harness);
    let prefs = harness.state().prefs().clone();
    assert!(!prefs.show_publication_dated);
    drop(harness);

    let harness = app_with(prefs);
    assert_eq!(
        harness.state().state().event_filter,
        EventFilter::DatedByText
    );
    assert_eq!(
        harness.state().derived().expect("derived").filter(),
        EventFilter::DatedByText
    );
}

#[test]
fn the_article_pane_says_how_each_event_was_dated() {
    let mut harness = app_with(Prefs::default());
    cumulative(&mut harness);
    let title = harness.state().model().expect("loaded").dataset.articles[0]
        .title
        .clone();
    harness.get_by_label_contains(&title).click();
    harness.run();
    harness
        .get_by_label_contains("Events in this article")
        .click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("publication date only")
            .next()
            .is_some(),
        "a publication-dated event says so"
    );
    assert!(
        harness
            .query_all_by_label_contains("dated by the text: “")
            .next()
            .is_some(),
        "an event dated by its sentence quotes the expression"
    );
    switch(&mut harness);
    assert!(
        harness
            .query_all_by_label_contains("publication date only")
            .next()
            .is_none(),
        "hidden from the list"
    );
    assert!(
        harness
            .query_by_label_contains("by publication only, hidden)")
            .is_some()
    );
}

type Rgba = [u8; 4];

fn near(a: Rgba, b: egui::Color32, tolerance: u8) -> bool {
    let b = b.to_array();
    a.iter()
        .zip(b)
        .take(3)
        .all(|(x, y)| x.abs_diff(y) <= tolerance)
}

/// A publication-only place gets a ring open inside (the sea shows through), a place dated by
/// the text a filled disc, in pixels rendered with wgpu. No basemap: a plain sea under them.
#[test]
fn a_publication_only_place_is_drawn_hollow_and_a_text_dated_one_filled() {
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .wgpu()
        .build_eframe(|cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, seeds_and_an_undated_report()));
    harness.run_steps(6);
    cumulative(&mut harness);
    let palette = Palette::of(ThemeChoice::Dark);
    let (hollow, filled) = {
        let d = harness.state().derived().expect("derived");
        let settlements = |hollow: bool| -> Vec<String> {
            let mut ms: Vec<_> = d
                .markers
                .iter()
                .filter(|m| m.class == KindClass::Settlement && m.publication_only() == hollow)
                .filter(|m| m.count > 0)
                .collect();
            ms.sort_by_key(|m| std::cmp::Reverse(m.count));
            ms.iter().map(|m| m.name.clone()).collect()
        };
        (settlements(true), settlements(false))
    };
    let image = harness
        .render()
        .expect("a wgpu adapter (Mesa lavapipe or llvmpipe)");
    let ppp = harness.ctx.pixels_per_point();
    let pixel =
        |p: egui::Pos2| -> Rgba { image.get_pixel((p.x * ppp) as u32, (p.y * ppp) as u32).0 };
    // The first marker of each kind that has a widget (a label) on this view.
    let find = |names: &[String]| {
        names.iter().find_map(|name| {
            harness
                .query_by_role_and_label(Role::Button, &marker_label(name))
                .map(|n| (name.clone(), n.rect()))
        })
    };
    let (name, rect) = find(&hollow).expect("a hollow settlement marker on the map");
    let c = rect.center();
    assert!(
        !near(pixel(c), palette.settlement, 40),
        "{name}: the centre of a hollow marker is open, got {:?}",
        pixel(c)
    );
    let ring = (0..(rect.width() / 2.0) as i32)
        .map(|dx| pixel(c + egui::vec2(dx as f32, 0.0)))
        .any(|p| near(p, palette.settlement, 40));
    assert!(ring, "{name}: a ring of the settlement colour around it");

    // Smaller markers are drawn on top of bigger ones (an airport's diamond may sit on a city's
    // centre at this zoom): some filled settlement marker shows its colour at its centre.
    let centres: Vec<(String, Rgba)> = filled
        .iter()
        .filter_map(|name| {
            harness
                .query_by_role_and_label(Role::Button, &marker_label(name))
                .map(|n| (name.clone(), pixel(n.rect().center())))
        })
        .collect();
    assert!(!centres.is_empty(), "a filled settlement marker on the map");
    assert!(
        centres
            .iter()
            .any(|(_, p)| near(*p, palette.settlement, 40)),
        "a place dated by the text is filled, got {centres:?}"
    );
}

/// Events of an article without a date, in sentences that give none, have no time and no
/// marker: the strip above the map counts them and says how to date them; the seeds alone (all
/// dated) show no such count.
#[test]
fn events_without_a_time_are_counted_above_the_map() {
    let harness = app_with(Prefs::default());
    assert!(
        harness.query_by_label_contains("undated event").is_none(),
        "the seeds are all dated"
    );
    // (No date: the article is undated, and so are its sentences' events.)
    let dataset = seeds_and_a_report("title: report\n\nAid convoys reached Ghadames and Kufra.\n");
    let undated = dataset.index.undated_events().len();
    assert!(undated >= 2, "Ghadames and Kufra: {undated}");
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(12)
        .build_eframe(move |cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, dataset));
    harness.run();
    harness.get_by_label(&format!("· {undated} undated events not on the map"));
}

#[test]
fn the_strip_above_the_map_wraps_beside_the_article_pane_in_a_small_window() {
    // (The report is undated: the strip holds the event count, the undated count and the "no
    // filter" note, wider than the map's part of a 1024-wide window.)
    let dataset = seeds_and_a_report("title: report\n\nAid convoys reached Ghadames and Kufra.\n");
    let mut harness = Harness::builder()
        .with_size([1024.0, 640.0])
        .with_max_steps(12)
        .build_eframe(move |cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, dataset));
    harness.run();
    let pane = harness.get_by_label_contains("Articles (").rect();
    for label in ["undated events not on the map", "no filter"] {
        let strip = harness.get_by_label_contains(label).rect();
        assert!(
            strip.max.x <= pane.min.x,
            "{label:?} at {strip:?} runs under the article pane at {pane:?}"
        );
    }
}
