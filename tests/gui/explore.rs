//! The real app, driven through AccessKit labels by `egui_kittest` over the bundled seeds.
//! No display, no GPU, no network.

use std::path::Path;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsatlas::Dataset;
use newsatlas::Marker;
use newsatlas::RunOptions;
use newsatlas::extract::ArticleIdx;
use newsatlas::gazetteer::PlaceIdx;
use newsatlas::gui::GOTO_LABEL;
use newsatlas::gui::NewsAtlasApp;
use newsatlas::gui::marker_label;
use newsatlas::gui::mention_label;
use newsatlas::{TimeWindow, day_num};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn seeds() -> Dataset {
    Dataset::load_bundled(Path::new(env!("CARGO_MANIFEST_DIR")))
}

fn app() -> Harness<'static, NewsAtlasApp> {
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(12)
        .build_eframe(|cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, seeds()));
    harness.run();
    harness
}

fn place(harness: &Harness<'_, NewsAtlasApp>, name: &str) -> PlaceIdx {
    let ds = &harness.state().model().expect("loaded").dataset;
    let i = ds
        .gazetteer
        .places()
        .iter()
        .position(|p| p.name == name)
        .expect("place in gazetteer");
    PlaceIdx(i as u32)
}

fn go_to(harness: &mut Harness<'_, NewsAtlasApp>, date: &str) {
    harness.get_by_label(GOTO_LABEL).focus();
    harness.run();
    harness.get_by_label(GOTO_LABEL).type_text(date);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

#[test]
fn clicking_the_tripoli_marker_filters_the_article_list() {
    let mut harness = app();
    harness.get_by_label("Cumulative").click();
    harness.run();
    let all = harness.state().derived().expect("derived").articles.clone();

    harness
        .get_by_role_and_label(Role::Button, &marker_label("Tripoli"))
        .click_accesskit();
    harness.run();
    let tripoli = place(&harness, "Tripoli");
    let app = harness.state();
    assert_eq!(app.state().selected_place, Some(tripoli));
    let ds = &app.model().expect("loaded").dataset;
    let shown = app.derived().expect("derived").articles.clone();
    assert_eq!(
        shown,
        ds.index.articles_in(
            app.state().window(),
            Some(tripoli),
            app.state().event_filter
        )
    );
    assert!(!shown.is_empty() && shown.iter().all(|a| all.contains(a)));
    for a in &shown {
        let events = &ds.extraction(*a).events;
        assert!(
            events.iter().any(|e| e.place == tripoli),
            "article {a:?} has no Tripoli event"
        );
    }

    // A place named by fewer articles shows fewer.
    harness
        .get_by_role_and_label(Role::Button, &marker_label("Misrata"))
        .click_accesskit();
    harness.run();
    let misrata_list = harness.state().derived().expect("derived").articles.clone();
    assert!(
        misrata_list.len() < all.len(),
        "{misrata_list:?} vs {all:?}"
    );
    let ds = &harness.state().model().expect("loaded").dataset;
    for (i, article) in ds.articles.iter().enumerate() {
        let listed = harness.query_by_label_contains(&article.title).is_some();
        assert_eq!(
            listed,
            misrata_list.contains(&ArticleIdx(i as u32)),
            "{}",
            article.title
        );
    }
}

#[test]
fn moving_the_cursor_into_february_2020_activates_that_articles_places() {
    let mut harness = app();
    harness.get_by_label("Window ±").click();
    harness.run();
    go_to(&mut harness, "2019-04-20");
    go_to(&mut harness, "2020-02-19");
    let app = harness.state();
    assert_eq!(app.state().cursor(), day("2020-02-19"));
    let ds = &app.model().expect("loaded").dataset;
    let derived = app.derived().expect("derived");
    let window = app.state().window();

    // The February article's places dated near the cursor are active.
    let february = ArticleIdx(1);
    let feb_places: Vec<PlaceIdx> = ds
        .extraction(february)
        .events
        .iter()
        .filter(|e| {
            e.when
                .is_some_and(|w| window.contains_interval(day_num(w.from), day_num(w.to)))
        })
        .map(|e| e.place)
        .collect();
    assert!(!feb_places.is_empty());
    for p in &feb_places {
        assert!(
            derived.marker(*p).is_some_and(Marker::active),
            "{p:?} should be active"
        );
    }
    // Places seen only in April 2019 are not.
    let april = TimeWindow::new(day("2019-04-01"), day("2019-04-30"));
    let april_only: Vec<_> = derived
        .markers
        .iter()
        .filter(|m| {
            m.last.is_some_and(|l| l <= day("2019-04-30"))
                && m.first.is_some_and(|f| f >= day("2019-04-01"))
        })
        .collect();
    assert!(!april_only.is_empty());
    for m in april_only {
        assert!(!m.active(), "{} should be inactive", m.name);
        let agg = ds.index.place(m.place).expect("indexed");
        assert!(ds.index.place_count_in(agg, april) > 0);
    }
}

#[test]
fn clicking_a_highlighted_mention_centres_the_map_on_its_place() {
    let mut harness = app();
    let title = harness.state().model().expect("loaded").dataset.articles[0]
        .title
        .clone();
    harness.get_by_label("Cumulative").click();
    harness.run();
    harness.get_by_label_contains(&title).click();
    harness.run();
    assert_eq!(
        harness.state().state().selected_article,
        Some(ArticleIdx(0))
    );
    let published = harness
        .state()
        .model()
        .expect("loaded")
        .dataset
        .index
        .published(ArticleIdx(0));
    assert_eq!(
        Some(harness.state().state().cursor()),
        published,
        "the cursor follows the article"
    );

    let misrata = place(&harness, "Misrata");
    // Misrata is named far down the article: scroll to it, then click it like a user.
    let label = mention_label("Misrata");
    harness
        .get_all_by_label(&label)
        .next()
        .expect("a Misrata mention")
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label(&label)
        .next()
        .expect("a Misrata mention")
        .click();
    harness.run();
    // The hover says why the mention is this place.
    harness
        .get_all_by_label(&label)
        .next()
        .expect("a Misrata mention")
        .hover();
    for _ in 0..10 {
        harness.step();
    }
    assert!(
        harness
            .query_by_label_contains("Why this place: ")
            .is_some(),
        "the mention's hover gives the reason it was chosen"
    );
    let app = harness.state();
    assert_eq!(app.state().selected_place, Some(misrata));
    let at = app
        .model()
        .expect("loaded")
        .place_coord(misrata)
        .expect("coord");
    let center = app.map_view().center().expect("map has a centre");
    assert!(
        (center.lat - at.lat).abs() < 0.01 && (center.lon - at.lon).abs() < 0.01,
        "{center:?} vs {at:?}"
    );
    let derived = app.derived().expect("derived");
    assert!(
        derived
            .marker(misrata)
            .is_some_and(|m| m.selected && m.in_article)
    );
}

#[test]
fn keys_step_the_cursor() {
    let mut harness = app();
    go_to(&mut harness, "2019-06-10");
    assert_eq!(harness.state().state().cursor(), day("2019-06-10"));
    // Leave the text field so the keys go to the timeline.
    harness.key_press(egui::Key::Escape);
    harness.run();

    let steps = [
        (egui::Modifiers::NONE, egui::Key::ArrowRight, "2019-06-11"),
        (egui::Modifiers::SHIFT, egui::Key::ArrowRight, "2019-06-18"),
        (egui::Modifiers::NONE, egui::Key::ArrowLeft, "2019-06-17"),
        (egui::Modifiers::SHIFT, egui::Key::ArrowLeft, "2019-06-10"),
    ];
    for (modifiers, key, expected) in steps {
        harness.key_press_modifiers(modifiers, key);
        harness.run();
        assert_eq!(
            harness.state().state().cursor(),
            day(expected),
            "{modifiers:?} {key:?}"
        );
    }
    let (start, end) = harness.state().state().range();
    harness.key_press(egui::Key::Home);
    harness.run();
    assert_eq!(harness.state().state().cursor(), start);
    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(harness.state().state().cursor(), end);

    harness.key_press(egui::Key::Space);
    harness.step();
    assert!(harness.state().state().playing);
    harness.key_press(egui::Key::Space);
    harness.step();
    assert!(!harness.state().state().playing);
}

#[test]
fn typing_a_digit_opens_go_to_date() {
    let mut harness = app();
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.event(egui::Event::Text("2".to_owned()));
    harness.run();
    assert!(harness.get_by_label(GOTO_LABEL).is_focused());
    harness.get_by_label(GOTO_LABEL).type_text("019-05-08");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().state().cursor(), day("2019-05-08"));
}

#[test]
fn idle_frames_rebuild_nothing() {
    let mut harness = app();
    let before = harness.state().derived_rebuilds();
    for _ in 0..5 {
        harness.step();
    }
    assert_eq!(harness.state().derived_rebuilds(), before);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(
        harness.state().derived_rebuilds(),
        before + 1,
        "one cursor move, one rebuild"
    );
}

#[test]
fn searching_highlights_matching_places_and_filters_articles() {
    let mut harness = app();
    harness.get_by_label("Cumulative").click();
    harness.run();
    harness.get_by_label("Search").focus();
    harness.get_by_label("Search").type_text("misrata");
    harness.run();
    let app = harness.state();
    let misrata = place(&harness, "Misrata");
    let derived = app.derived().expect("derived");
    assert!(derived.marker(misrata).is_some_and(|m| m.search_hit));
    assert!(
        derived
            .markers
            .iter()
            .filter(|m| m.search_hit)
            .all(|m| m.name.to_lowercase().contains("misrata"))
    );
    let ds = &app.model().expect("loaded").dataset;
    assert!(!derived.articles.is_empty());
    for a in &derived.articles {
        assert!(
            ds.article(*a)
                .body
                .text()
                .to_lowercase()
                .contains("misrata")
        );
    }
}

#[test]
fn the_offline_basemap_draws_without_a_network_and_without_hanging() {
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(|cc| {
            NewsAtlasApp::with_dataset(&cc.egui_ctx, seeds()).with_basemap(&cc.egui_ctx)
        });
    // Tiles arrive from render threads at their own pace: step frames rather than wait to settle.
    harness.run_steps(20);
    let attribution = harness.state().basemap_attribution().expect("a basemap");
    assert!(attribution.contains("Natural Earth"), "{attribution}");
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert!(harness.state().model().is_some());
}

#[test]
fn the_app_loads_on_a_thread_and_says_so_meanwhile() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(|cc| {
            NewsAtlasApp::new(
                cc,
                RunOptions {
                    root,
                    corpus: None,
                    gazetteer: None,
                    corpus_options: newsatlas::corpus::LoadOptions::default(),
                    events: None,
                    layer: None,
                },
            )
        });
    if harness.state().model().is_none() {
        assert!(harness.query_by_label("Loading…").is_some());
    }
    for _ in 0..600 {
        if harness.state().model().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    harness.run_steps(2);
    let app = harness.state();
    assert!(app.model().is_some(), "loaded within 30 s");
    assert!(!app.derived().expect("derived").markers.is_empty());
}

/// A corpus of thousands of articles: only the rows in view of the article list are widgets,
/// the count says how many are listed, and a row still selects its article.
#[test]
#[cfg(feature = "bench")]
fn a_long_article_list_lays_out_only_the_rows_in_view() {
    use newsatlas::Index;
    use newsatlas::gazetteer::Gazetteer;
    use newsatlas::synth;

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (gazetteer, _) = Gazetteer::load_bundled(&root.join("data"));
    let s = synth::events(gazetteer.places(), 40_000, synth::DEFAULT_SEED);
    let articles = synth::articles_for(&s, "");
    let index = Index::build(&s.extractions, &s.published);
    let dataset = Dataset {
        articles: std::sync::Arc::new(articles),
        gazetteer: std::sync::Arc::new(gazetteer),
        extractions: std::sync::Arc::new(s.extractions),
        index,
        problems: Vec::new(),
    };
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(12)
        .build_eframe(move |cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, dataset));
    harness.run();
    harness.get_by_label("Cumulative").click();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.run();

    let listed = harness.state().derived().expect("derived").articles.clone();
    assert!(listed.len() > 1_000, "{} articles listed", listed.len());
    let heading = format!("Articles ({} of", listed.len());
    assert!(harness.query_by_label_contains(&heading).is_some());
    let rows = harness
        .query_all_by_label_contains("Synthetic article")
        .count();
    assert!(
        (5..60).contains(&rows),
        "{rows} article rows are widgets for {} listed",
        listed.len()
    );

    let first = &harness.state().model().expect("loaded").dataset.articles[listed[0].0 as usize];
    let title = first.title.clone();
    harness.get_by_label_contains(&title).click();
    harness.run();
    assert_eq!(harness.state().state().selected_article, Some(listed[0]));
}

#[test]
fn the_view_menu_folds_the_article_pane_for_more_map_and_messages_have_their_own_line() {
    let mut harness = app();
    let width = |h: &Harness<'_, NewsAtlasApp>| h.state().map_view().size().expect("shown").x;
    let before = width(&harness);
    assert!(
        harness
            .query_all_by_label_contains("Articles (")
            .next()
            .is_some()
    );
    // The status bar: one line under everything, there before any message.
    assert!(harness.query_by_label("Ready").is_some());

    harness.get_by_label("View").click();
    harness.run();
    harness
        .get_by_label(newsatlas::gui::ARTICLE_PANE_TOGGLE)
        .click();
    harness.run();
    assert!(!harness.state().prefs().show_articles);
    assert!(
        harness
            .query_all_by_label_contains("Articles (")
            .next()
            .is_none(),
        "the pane is folded"
    );
    assert!(width(&harness) > before + 200.0, "the map takes its room");
}
