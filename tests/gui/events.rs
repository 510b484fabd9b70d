//! `GeoParquet` events opened in the real app (`egui_kittest`): a file dropped on the window and a
//! partitioned folder typed in File > Open, as an engine other than newsatlas writes them.

use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, BinaryArray, Date32Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsatlas::Dataset;
use newsatlas::corpus::Corpus;
use newsatlas::gazetteer::Gazetteer;
use newsatlas::gui::NewsAtlasApp;
use parquet::arrow::ArrowWriter;

use crate::import::{DroppedPath, open_folder_with_links, wait_until_idle};

/// A little-endian WKB point.
fn wkb(lon: f64, lat: f64) -> Vec<u8> {
    let mut out = vec![1u8, 1, 0, 0, 0];
    out.extend_from_slice(&lon.to_le_bytes());
    out.extend_from_slice(&lat.to_le_bytes());
    out
}

/// Days since 1970-01-01 of an April 2019 day.
fn april_2019(day: i32) -> i32 {
    17_987 + day - 1
}

/// A `GeoParquet` events file of `rows` (article, place, lon, lat, day of April 2019, sentence).
fn write_events(path: &Path, rows: &[(&str, &str, f64, f64, i32, &str)]) {
    let schema = Arc::new(Schema::new(vec![
        Field::new("article", DataType::Utf8, false),
        Field::new("place_name", DataType::Utf8, false),
        Field::new("from", DataType::Date32, true),
        Field::new("to", DataType::Date32, true),
        Field::new("text", DataType::Utf8, true),
        Field::new("geometry", DataType::Binary, true),
    ]));
    let points: Vec<Vec<u8>> = rows.iter().map(|r| wkb(r.2, r.3)).collect();
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.0))),
        Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.1))),
        Arc::new(Date32Array::from_iter_values(
            rows.iter().map(|r| april_2019(r.4)),
        )),
        Arc::new(Date32Array::from_iter_values(
            rows.iter().map(|r| april_2019(r.4)),
        )),
        Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.5))),
        Arc::new(BinaryArray::from_iter_values(points.iter())),
    ];
    let batch = RecordBatch::try_new(Arc::clone(&schema), columns).expect("batch");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    let file = std::fs::File::create(path).expect("create");
    let mut writer = ArrowWriter::try_new(file, schema, None).expect("writer");
    writer.append_key_value_metadata(parquet::file::metadata::KeyValue::new(
        "geo".to_owned(),
        r#"{"version":"1.1.0","primary_column":"geometry","columns":{"geometry":{"encoding":"WKB","geometry_types":["Point"]}}}"#.to_owned(),
    ));
    writer.write(&batch).expect("write");
    writer.close().expect("close");
}

const TRIPOLI: (f64, f64) = (13.1913, 32.8872);
const MISRATA: (f64, f64) = (15.0925, 32.3754);
const BENGHAZI: (f64, f64) = (20.0868, 32.1167);

fn app() -> Harness<'static, NewsAtlasApp> {
    let (g, _) = Gazetteer::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer.toml"),
        None,
        None,
    );
    let empty = Dataset::build(Corpus::default(), Arc::new(g), Vec::new());
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(12)
        .build_eframe(move |cc| NewsAtlasApp::with_dataset(&cc.egui_ctx, empty));
    harness.run();
    harness
}

fn marker_names(harness: &Harness<'_, NewsAtlasApp>) -> Vec<String> {
    let mut names: Vec<String> = harness
        .state()
        .derived()
        .map(|d| d.markers.iter().map(|m| m.name.clone()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_dropped_geoparquet_file_and_an_opened_partitioned_folder_put_their_events_on_the_map() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("run.parquet");
    write_events(
        &file,
        &[
            (
                "wire-1",
                "Tripoli",
                TRIPOLI.0,
                TRIPOLI.1,
                4,
                "Shelling hit Tripoli on Thursday.",
            ),
            (
                "wire-1",
                "Misrata",
                MISRATA.0,
                MISRATA.1,
                5,
                "Reinforcements left Misrata.",
            ),
        ],
    );
    let mut harness = app();
    assert!(marker_names(&harness).is_empty());

    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(file.clone())));
    harness.step();
    wait_until_idle(&mut harness);
    let model = harness.state().model().expect("loaded");
    assert_eq!(
        model.dataset.index.events.len(),
        2,
        "{:?}",
        model.dataset.problems
    );
    let article = &model.dataset.articles[0];
    assert_eq!(article.id, "wire-1");
    assert!(
        article
            .body
            .text()
            .contains("Shelling hit Tripoli on Thursday.")
    );
    assert_eq!(marker_names(&harness), ["Misrata", "Tripoli"]);
    assert!(
        harness
            .query_by_label_contains("Opened 2 event(s) of 1 article(s)")
            .is_some(),
        "the outcome is reported: {:?}",
        harness.state().import_state().message
    );

    // A partitioned folder (as a distributed job writes it), typed in File > Open.
    let parts = dir.path().join("out");
    write_events(
        &parts.join("day=4/part-0.parquet"),
        &[(
            "wire-2",
            "Tripoli",
            TRIPOLI.0,
            TRIPOLI.1,
            4,
            "Tripoli airport closed.",
        )],
    );
    write_events(
        &parts.join("day=6/part-1.parquet"),
        &[(
            "wire-3",
            "Benghazi",
            BENGHAZI.0,
            BENGHAZI.1,
            6,
            "Calm in Benghazi.",
        )],
    );
    std::fs::write(parts.join("_SUCCESS"), b"").expect("marker");
    open_folder_with_links(&mut harness, Some(&parts), false);
    let model = harness.state().model().expect("loaded");
    let ids: Vec<&str> = model
        .dataset
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["wire-2", "wire-3"], "{:?}", model.dataset.problems);
    assert_eq!(marker_names(&harness), ["Benghazi", "Tripoli"]);

    // A file that is not Parquet keeps the data and says why, naming the file.
    let junk = dir.path().join("junk.parquet");
    std::fs::write(&junk, b"not parquet at all").expect("write");
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(junk)));
    harness.step();
    wait_until_idle(&mut harness);
    let (message, _) = harness
        .state()
        .import_state()
        .message
        .clone()
        .expect("a message");
    assert!(message.contains("junk.parquet"), "{message}");
    assert_eq!(
        harness
            .state()
            .model()
            .expect("kept")
            .dataset
            .articles
            .len(),
        2
    );
}
