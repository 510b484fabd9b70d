//! An event dataset (ACLED-style CSV, GDELT-style events) dropped on the real app opens as a layer
//! beside the articles: its own legend row and switch, its count in the filter strip, the same
//! window, search and selected place, and its bad rows in the problems. Fixtures in
//! `tests/fixtures/formats/` are invented rows in the datasets' layouts.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use newsatlas::Dataset;
use newsatlas::corpus::Corpus;
use newsatlas::gazetteer::Gazetteer;
use newsatlas::gui::{GOTO_LABEL, LAYER_SWITCH_LABEL, NewsAtlasApp};

use crate::import::DroppedPath;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn app() -> Harness<'static, NewsAtlasApp> {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("clashes.txt"),
        "title: Clashes south of Tripoli\ndate: 2019-04-05\n\n\
         Forces clashed in Wadi Rabie, south of Tripoli, on Friday.\n\n\
         On 5 January 2020 an airstrike hit a military academy in Tripoli.\n",
    )
    .expect("write");
    let curated = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer.toml");
    let (g, _) = Gazetteer::load(&curated, None, None);
    let (corpus, problems) = Corpus::load_dir(dir.path());
    let dataset = Dataset::build(corpus, Arc::new(g), problems);
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(12)
        .build_eframe(move |cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, dataset));
    harness.run();
    harness
}

fn drop_and_wait(harness: &mut Harness<'_, NewsAtlasApp>, path: PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(path)));
    harness.step();
    for _ in 0..500 {
        harness.step();
        if !harness.state().import_state().is_reading_layer() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the layer was not read");
}

/// The legend row's label: "Recorded events: ACLED (N)".
fn switch_label(harness: &Harness<'_, NewsAtlasApp>) -> String {
    harness
        .get_by_label_contains(LAYER_SWITCH_LABEL)
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

#[test]
fn a_dropped_acled_export_is_a_layer_that_follows_the_window_the_search_and_the_switch() {
    let mut harness = app();
    assert!(
        harness
            .query_by_label_contains(LAYER_SWITCH_LABEL)
            .is_none()
    );
    drop_and_wait(&mut harness, fixture("libya_acled_style.csv"));

    // The articles are untouched: still the one article, now with the layer beside it.
    let app = harness.state();
    assert_eq!(app.model().expect("loaded").dataset.articles.len(), 1);
    let message = app.import_state().message.clone().unwrap_or_default();
    assert!(
        message
            .0
            .contains("ACLED layer: 10 records from libya_acled_style.csv"),
        "{message:?}"
    );
    // The bad row and the unknown column are counted with the data's problems (their texts,
    // naming the file and line, are checked in session::recorded's unit tests).
    assert!(
        message.0.contains("(2 problems, see Problems)"),
        "{message:?}"
    );
    assert!(harness.query_by_label("2 problems").is_some());

    // The window: the app opens on everything up to the articles' last day.
    let all = switch_label(&harness);
    assert!(all.starts_with("Recorded events: ACLED ("), "{all}");
    assert!(harness.query_by_label_contains("ACLED record").is_some());

    // The search narrows the layer too (notes, in any case).
    harness.get_by_label("Search").focus();
    harness.run_steps(2);
    harness.get_by_label("Search").type_text("ACADEMY");
    harness.run_steps(3);
    let searched = switch_label(&harness);
    assert!(
        searched.ends_with("(1)") || searched.ends_with("(0)"),
        "{searched}"
    );
    assert_ne!(searched, all);

    // The switch hides it: no count in the strip, the row stays to bring it back.
    harness.get_by_label_contains(LAYER_SWITCH_LABEL).click();
    harness.run_steps(3);
    assert!(harness.state().state().hide_layer);
    assert!(harness.query_by_label_contains("ACLED record").is_none());
    harness.get_by_label_contains(LAYER_SWITCH_LABEL).click();
    harness.run_steps(3);
    assert!(!harness.state().state().hide_layer);
}

#[test]
fn a_gdelt_events_file_opens_as_a_layer_with_its_records_in_time() {
    let mut harness = app();
    drop_and_wait(&mut harness, fixture("libya_gdelt_style.export.CSV"));
    let message = harness
        .state()
        .import_state()
        .message
        .clone()
        .unwrap_or_default();
    assert!(
        message.0.contains(
            "GDELT layer: 5 records from libya_gdelt_style.export.CSV, 5 Apr 2019 to 19 Jan 2020"
        ),
        "{message:?}"
    );
    assert!(!message.1, "no problem: {message:?}");
    let label = switch_label(&harness);
    assert!(label.starts_with("Recorded events: GDELT ("), "{label}");
    // Seek to the first day: only the records up to it are counted (cumulative mode).
    let first = NaiveDate::from_ymd_opt(2019, 4, 5).expect("date");
    harness.get_by_label(GOTO_LABEL).focus();
    harness.run_steps(2);
    harness
        .get_by_label(GOTO_LABEL)
        .type_text(&first.format("%Y-%m-%d").to_string());
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    assert_eq!(
        switch_label(&harness),
        "Recorded events: GDELT (1)",
        "cursor {}",
        harness.state().state().cursor()
    );
}
