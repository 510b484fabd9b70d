//! Scenes and presenter mode, driven through AccessKit labels and keys by `egui_kittest` over
//! the bundled seeds. The scenes file lives in a temporary folder, never the user's.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsatlas::Dataset;
use newsatlas::LatLon;
use newsatlas::gazetteer::PlaceIdx;
use newsatlas::gui::NewsAtlasApp;
use newsatlas::gui::{
    EXPORT_ALL_BUTTON, EXPORT_PATH_LABEL, EXPORT_PNG_BUTTON, SAVE_SCENE_BUTTON, SCENE_NAME_LABEL,
    SCENES_BUTTON,
};
use newsatlas::scenes::{self, Scene, SceneMode};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn seeds() -> Dataset {
    Dataset::load_bundled(Path::new(env!("CARGO_MANIFEST_DIR")))
}

fn app(scenes_file: PathBuf) -> Harness<'static, NewsAtlasApp> {
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(40)
        .build_eframe(move |cc| {
            NewsAtlasApp::with_dataset(&cc.egui_ctx, seeds()).with_scenes_file(scenes_file)
        });
    harness.run();
    harness
}

fn place_id(harness: &Harness<'_, NewsAtlasApp>, name: &str) -> (PlaceIdx, String) {
    let ds = &harness.state().model().expect("loaded").dataset;
    let i = ds
        .gazetteer
        .places()
        .iter()
        .position(|p| p.name == name)
        .expect("place in gazetteer");
    (
        PlaceIdx(i as u32),
        ds.gazetteer.get(PlaceIdx(i as u32)).id.to_owned(),
    )
}

#[test]
fn the_save_scene_button_saves_the_view_and_selection_to_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("scenes.toml");
    let mut harness = app(file.clone());
    harness
        .get_by_role_and_label(Role::Button, &newsatlas::gui::marker_label("Tripoli"))
        .click_accesskit();
    harness.run();
    harness.get_by_label(SCENES_BUTTON).click();
    harness.run();
    harness.get_by_label(SCENE_NAME_LABEL).focus();
    harness
        .get_by_label(SCENE_NAME_LABEL)
        .type_text("Tripoli offensive");
    harness.run();
    harness.get_by_label(SAVE_SCENE_BUTTON).click();
    harness.run();

    let (_, tripoli_id) = place_id(&harness, "Tripoli");
    let app = harness.state();
    let saved = &app.briefing().scenes;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name, "Tripoli offensive");
    assert_eq!(saved[0].place.as_deref(), Some(tripoli_id.as_str()));
    assert_eq!(saved[0].cursor, app.state().cursor());
    let on_disk = scenes::load(&file);
    assert!(on_disk.problems.is_empty(), "{:?}", on_disk.problems);
    assert_eq!(&on_disk.scenes, saved);
    assert!(
        harness
            .query_by_label("Show scene Tripoli offensive")
            .is_some()
    );
}

fn two_scenes(harness: &Harness<'_, NewsAtlasApp>) -> Vec<Scene> {
    let (_, tripoli) = place_id(harness, "Tripoli");
    let (_, misrata) = place_id(harness, "Misrata");
    vec![
        Scene {
            name: "Tripoli".to_owned(),
            caption: "The offensive on the capital".to_owned(),
            center: LatLon::new(32.8872, 13.1913),
            zoom: 8.0,
            cursor: day("2019-04-20"),
            half_window_days: 5,
            mode: SceneMode::Window,
            place: Some(tripoli),
            article: None,
        },
        Scene {
            name: "Misrata".to_owned(),
            caption: String::new(),
            center: LatLon::new(32.3754, 15.0925),
            zoom: 9.0,
            cursor: day("2020-01-15"),
            half_window_days: 10,
            mode: SceneMode::Cumulative,
            place: Some(misrata),
            article: None,
        },
    ]
}

#[test]
fn page_down_steps_through_the_scenes_in_presenter_mode_and_escape_leaves() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("scenes.toml");
    let probe = app(dir.path().join("unused.toml"));
    scenes::save(&file, &two_scenes(&probe)).expect("save");
    drop(probe);
    let mut harness = app(file);
    let (tripoli, _) = place_id(&harness, "Tripoli");
    let (misrata, _) = place_id(&harness, "Misrata");
    assert!(
        harness.query_by_label("Search").is_some(),
        "the top bar shows"
    );

    harness.key_press(egui::Key::F5);
    harness.step();
    // The very frame that takes F5 draws the presenter layout: map, timeline strip, caption.
    assert!(harness.query_by_label("Search").is_none(), "no top bar");
    assert!(harness.query_by_label("Play").is_none(), "no transport");
    harness.run();
    {
        let app = harness.state();
        assert!(app.briefing().presenting());
        assert_eq!(app.briefing().current, Some(0));
        assert_eq!(app.state().cursor(), day("2019-04-20"));
        assert_eq!(app.state().selected_place, Some(tripoli));
        assert_eq!(app.state().half_window_days, 5);
    }
    assert!(harness.query_by_label("Search").is_none(), "no top bar");
    assert!(harness.query_by_label("scene 1/2").is_some());

    harness.key_press(egui::Key::PageDown);
    // The fly takes 0.8 s; the harness steps a quarter of a second per frame.
    harness.step();
    harness.step();
    assert!(
        harness.state().briefing().is_flying(),
        "the view flies between scenes"
    );
    let mid = harness.state().state().cursor();
    assert!(mid > day("2019-04-20") && mid < day("2020-01-15"), "{mid}");
    harness.run();
    {
        let app = harness.state();
        assert_eq!(app.briefing().current, Some(1));
        assert_eq!(app.state().cursor(), day("2020-01-15"));
        assert_eq!(app.state().selected_place, Some(misrata));
        assert_eq!(app.state().mode, newsatlas::WindowMode::Cumulative);
        let c = app.map_view().center().expect("centre");
        assert!((c.lat - 32.3754).abs() < 1e-6 && (c.lon - 15.0925).abs() < 1e-6);
        assert!((app.map_view().zoom() - 9.0).abs() < 1e-9);
    }
    assert!(harness.query_by_label("scene 2/2").is_some());

    // The last scene stays on PageDown; PageUp goes back.
    harness.key_press(egui::Key::PageDown);
    harness.run();
    assert_eq!(harness.state().briefing().current, Some(1));
    harness.key_press(egui::Key::PageUp);
    harness.run();
    assert_eq!(harness.state().state().cursor(), day("2019-04-20"));

    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().briefing().presenting());
    assert!(
        harness.query_by_label("Search").is_some(),
        "the top bar is back"
    );
    // Arrows step days again outside presenter mode.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().state().cursor(), day("2019-04-21"));
}

#[test]
fn a_damaged_scenes_file_is_kept_aside_and_the_app_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("scenes.toml");
    std::fs::write(&file, "[[scene]\nname = \"x\"\n").expect("write");
    let harness = app(file.clone());
    let briefing = harness.state().briefing();
    assert!(briefing.scenes.is_empty());
    assert!(briefing.show_panel, "the panel opens to say so");
    assert!(
        harness
            .query_all_by_label_contains("starting with no scenes")
            .next()
            .is_some()
    );
    assert!(dir.path().join("scenes.toml.corrupt-1").exists());
    assert!(!file.exists());
}

/// Replaces the text of the field labelled `label`, as a user does: click, select all, type.
fn retype(harness: &mut Harness<'_, NewsAtlasApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Steps frames (bounded) until every file in `paths` exists and the export is over.
fn step_until_written(harness: &mut Harness<'_, NewsAtlasApp>, paths: &[PathBuf]) {
    for _ in 0..4000 {
        harness.step();
        if paths.iter().all(|p| p.exists()) && !harness.state().briefing().exporting() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!(
        "not written: {:?}; notice: {:?}",
        paths.iter().filter(|p| !p.exists()).collect::<Vec<_>>(),
        harness.state().briefing().problems
    );
}

fn png(path: &Path) -> tiny_skia::Pixmap {
    tiny_skia::Pixmap::load_png(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the user looks at: the map's centre and zoom, the cursor, the window, the selection,
/// the scene shown and presenter mode.
fn the_view(harness: &Harness<'_, NewsAtlasApp>) -> String {
    let app = harness.state();
    let s = app.state();
    format!(
        "{:?} {:.9} {} {} {:?} {:?} {:?} {}",
        app.map_view().center(),
        app.map_view().zoom(),
        s.cursor(),
        s.half_window_days,
        s.mode,
        s.selected_place,
        app.briefing().current,
        app.briefing().presenting()
    )
}

#[test]
fn exports_are_slides_drawn_as_render_draws_them_at_1920_by_1080_and_the_view_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("scenes.toml");
    let probe = app(dir.path().join("unused.toml"));
    scenes::save(&file, &two_scenes(&probe)).expect("save");
    drop(probe);
    let mut harness = app(file.clone());
    // The user's own view: Tripoli selected, a day stepped, no scene shown.
    harness
        .get_by_role_and_label(Role::Button, &newsatlas::gui::marker_label("Tripoli"))
        .click_accesskit();
    harness.run();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    harness.get_by_label(SCENES_BUTTON).click();
    harness.run();
    let before = the_view(&harness);

    // One path for both: the view goes to briefing.png, the scenes to the folder briefing/.
    let view = dir.path().join("briefing.png");
    retype(&mut harness, EXPORT_PATH_LABEL, &view.display().to_string());
    harness.get_by_label(EXPORT_PNG_BUTTON).click();
    step_until_written(&mut harness, std::slice::from_ref(&view));
    let shot = png(&view);
    assert_eq!((shot.width(), shot.height()), (1920, 1080));
    assert_eq!(the_view(&harness), before);

    harness.get_by_label(EXPORT_ALL_BUTTON).click();
    // The click's frame queues the command, the next one starts the job.
    harness.step();
    harness.step();
    assert!(
        harness.state().briefing().exporting(),
        "written in the background"
    );
    let names = ["01-tripoli.png", "02-misrata.png"];
    let shots: Vec<PathBuf> = names
        .iter()
        .map(|n| dir.path().join("briefing").join(n))
        .collect();
    step_until_written(&mut harness, &shots);
    // The user's view was never moved: no scene shown, no presenter, the same map and time.
    assert_eq!(the_view(&harness), before);
    assert!(
        harness.state().briefing().problems.is_empty(),
        "{:?}",
        harness.state().briefing().problems
    );

    // `newsatlas render` of the same scenes file draws the same pictures, pixel for pixel.
    let cli = dir.path().join("cli");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_newsatlas"))
        .arg("--no-user-data")
        .arg("render")
        .arg("--scenes")
        .arg(&file)
        .arg("--out")
        .arg(&cli)
        .env_remove("NEWSATLAS_ROOT")
        .env("NEWSATLAS_CACHE_DIR", dir.path().join("cache"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the newsatlas binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for (name, app_png) in names.iter().zip(&shots) {
        let (from_app, from_cli) = (png(app_png), png(&cli.join(name)));
        assert_eq!(
            (from_app.width(), from_app.height()),
            (1920, 1080),
            "{name}"
        );
        assert!(
            from_app.data() == from_cli.data(),
            "{name}: the app's slide differs"
        );
    }
}

#[test]
fn f5_starts_the_briefing_at_its_first_scene_whichever_was_shown_last() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("scenes.toml");
    let probe = app(dir.path().join("unused.toml"));
    scenes::save(&file, &two_scenes(&probe)).expect("save");
    drop(probe);
    let mut harness = app(file);
    harness.get_by_label(SCENES_BUTTON).click();
    harness.run();
    harness.get_by_label("Show scene Misrata").click();
    harness.run();
    assert_eq!(harness.state().briefing().current, Some(1));
    harness.key_press(egui::Key::F5);
    harness.run();
    let app = harness.state();
    assert!(app.briefing().presenting());
    assert_eq!(app.briefing().current, Some(0));
    assert_eq!(app.state().cursor(), day("2019-04-20"));
}
