//! Import, missing places and date overrides, driven through the real app with `egui_kittest`.
//! Small temp corpora and the curated gazetteer only (no broad layer), user files in a temp dir.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use newsatlas::Dataset;
use newsatlas::GazetteerFiles;
use newsatlas::UserDataDir;
use newsatlas::corpus::{Corpus, DateBasis};
use newsatlas::extract::ArticleIdx;
use newsatlas::gazetteer::{Gazetteer, PlaceSource};
use newsatlas::gui::NewsAtlasApp;
use newsatlas::gui::{DATE_FIELD_LABEL, FOLLOW_LINKS_LABEL, PATH_FIELD_LABEL};
use newsatlas::gui::{LAT_LABEL, LON_LABEL};

const CLASHES: &str = "title: Clashes in Wadi Rabie\ndate: 2019-04-05\n\n\
Forces clashed with government units in Wadi Rabie, south of Tripoli, on Friday. \
Residents said the fighting in Wadi Rabie went on overnight.\n";
const FLIGHT: &str = "title: Families flee the southern suburbs\n\n\
Families left their homes in Wadi Rabie as shelling moved closer to Tripoli.\n";

fn curated() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer.toml")
}

fn files() -> GazetteerFiles {
    GazetteerFiles {
        curated: curated(),
        broad: None,
    }
}

fn articles_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("01_clashes.txt"), CLASHES).expect("write");
    std::fs::write(dir.path().join("02_flight.md"), FLIGHT).expect("write");
    dir
}

fn gazetteer() -> Arc<Gazetteer> {
    let (g, problems) = Gazetteer::load(&curated(), None, None);
    assert!(problems.is_empty(), "{problems:?}");
    Arc::new(g)
}

fn app(dataset: Dataset, user: &Path) -> Harness<'static, NewsAtlasApp> {
    let user = UserDataDir::at(user);
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(12)
        .build_eframe(move |cc| {
            NewsAtlasApp::with_dataset(&cc.egui_ctx, dataset).with_user_data(user, files())
        });
    harness.run();
    harness
}

fn loaded(dir: &Path) -> Dataset {
    let (corpus, problems) = Corpus::load_dir(dir);
    Dataset::build(corpus, gazetteer(), problems)
}

/// Steps frames until the background update is done.
pub(crate) fn wait_until_idle(harness: &mut Harness<'_, NewsAtlasApp>) {
    for _ in 0..1500 {
        harness.step();
        if !harness.state().import_state().is_busy() {
            // Not `run`: an open "Missing places" window shows a spinner while it recomputes.
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the update did not finish");
}

/// With the File menu open: opens "Missing places", waits for the list, and picks `name`.
fn choose_missing_name(harness: &mut Harness<'_, NewsAtlasApp>, name: &str) {
    harness.get_by_label_contains("Missing places").click();
    harness.run_steps(3);
    for _ in 0..500 {
        if harness.query_by_label(name).is_some() {
            break;
        }
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.get_by_label(name).click();
    harness.run_steps(3);
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

#[test]
fn importing_a_folder_shows_progress_then_its_articles_in_the_list() {
    let user = tempfile::tempdir().expect("tempdir");
    let articles = articles_dir();
    let empty = Dataset::build(Corpus::default(), gazetteer(), Vec::new());
    let mut harness = app(empty, user.path());

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open folder…").click();
    harness.run();
    harness.get_by_label(PATH_FIELD_LABEL).focus();
    harness.run();
    harness
        .get_by_label(PATH_FIELD_LABEL)
        .type_text(&articles.path().display().to_string());
    harness.run();
    harness.get_by_label("Open").click();
    // The progress window is drawn in the frame the import starts; the result is taken in a
    // later frame, so stepping one frame at a time always sees it.
    let mut seen = false;
    for _ in 0..10 {
        harness.step();
        if harness.query_by_label_contains("Importing: ").is_some() {
            seen = true;
            break;
        }
    }
    assert!(
        seen,
        "the progress shows while the articles load; busy {}, message {:?}",
        harness.state().import_state().is_busy(),
        harness.state().import_state().message
    );

    wait_until_idle(&mut harness);
    let ds = &harness.state().model().expect("loaded").dataset;
    assert_eq!(ds.articles.len(), 2, "{:?}", ds.problems);
    assert!(
        harness
            .query_by_label_contains("Clashes in Wadi Rabie")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Families flee the southern suburbs")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Added 2 article(s)")
            .is_some(),
        "the outcome is reported"
    );
}

/// Opens File > Open folder, types `dir` when given (the field keeps the last path typed),
/// ticks "Read links that lead outside the folder" when `follow` says so, opens and waits for
/// the import.
pub(crate) fn open_folder_with_links(
    harness: &mut Harness<'_, NewsAtlasApp>,
    dir: Option<&Path>,
    follow: bool,
) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open folder…").click();
    harness.run();
    if let Some(dir) = dir {
        harness.get_by_label(PATH_FIELD_LABEL).focus();
        harness.run();
        harness
            .get_by_label(PATH_FIELD_LABEL)
            .type_text(&dir.display().to_string());
        harness.run();
    }
    if follow {
        harness.get_by_label(FOLLOW_LINKS_LABEL).click();
        harness.run();
    }
    harness.get_by_label("Replace the articles").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run_steps(2);
    wait_until_idle(harness);
}

#[cfg(unix)]
#[test]
fn the_open_dialogs_checkbox_reads_links_that_lead_outside_the_folder() {
    let user = tempfile::tempdir().expect("tempdir");
    let elsewhere = articles_dir();
    let dir = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(
        elsewhere.path().join("01_clashes.txt"),
        dir.path().join("linked.txt"),
    )
    .expect("symlink");
    let empty = Dataset::build(Corpus::default(), gazetteer(), Vec::new());
    let mut harness = app(empty, user.path());

    open_folder_with_links(&mut harness, Some(dir.path()), false);
    let ds = &harness.state().model().expect("loaded").dataset;
    assert!(ds.articles.is_empty());
    assert!(
        ds.problems
            .iter()
            .any(|p| p.message.contains("outside the folder")),
        "{:?}",
        ds.problems
    );

    open_folder_with_links(&mut harness, None, true);
    let ds = &harness.state().model().expect("loaded").dataset;
    let titles: Vec<&str> = ds.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Clashes in Wadi Rabie"], "{:?}", ds.problems);
    assert!(harness.state().import_state().follow_outside_links);
}

#[test]
fn adding_a_missing_place_puts_a_marker_on_the_map_and_takes_it_off_the_list() {
    let user = tempfile::tempdir().expect("tempdir");
    let articles = articles_dir();
    let curated_before = std::fs::read(curated()).expect("read curated");
    let mut harness = app(loaded(articles.path()), user.path());
    let marker_named = |h: &Harness<'_, NewsAtlasApp>| {
        h.state()
            .derived()
            .is_some_and(|d| d.markers.iter().any(|m| m.name == "Wadi Rabie"))
    };
    assert!(!marker_named(&harness));

    // Opening the menu counts the list in the background: the menu shows how many.
    harness.get_by_label("File").click();
    harness.run_steps(3);
    for _ in 0..500 {
        let generation = harness.state().model().expect("loaded").generation;
        if harness.state().missing_view().names(generation).is_some() {
            break;
        }
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Missing places (")
            .is_some(),
        "the menu counts the missing names before the window was ever opened"
    );
    choose_missing_name(&mut harness, "Wadi Rabie");
    for (label, value) in [(LAT_LABEL, "32.76"), (LON_LABEL, "13.21")] {
        harness.get_by_label(label).focus();
        harness.run_steps(3);
        harness.get_by_label(label).type_text(value);
        harness.run_steps(3);
    }
    harness.get_by_label("Add place").click();
    harness.run_steps(3);
    wait_until_idle(&mut harness);

    let app = harness.state();
    let ds = &app.model().expect("loaded").dataset;
    let place = ds
        .gazetteer
        .places()
        .iter()
        .find(|p| p.name == "Wadi Rabie")
        .expect("added to the gazetteer");
    assert_eq!(place.source, PlaceSource::User);
    assert!((place.coord.lat - 32.76).abs() < 1e-9 && (place.coord.lon - 13.21).abs() < 1e-9);
    assert!(marker_named(&harness), "a marker for the new place");
    let mentions: usize = ds
        .extractions
        .iter()
        .map(|x| {
            x.places
                .iter()
                .filter(|m| ds.gazetteer.get(m.place).name == "Wadi Rabie")
                .count()
        })
        .sum();
    assert_eq!(mentions, 3, "every repeat in every article is placed");

    // The list is computed again for the new data, without the name.
    for _ in 0..500 {
        let generation = harness.state().model().expect("loaded").generation;
        if harness.state().missing_view().names(generation).is_some() {
            break;
        }
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    let generation = harness.state().model().expect("loaded").generation;
    let names = harness
        .state()
        .missing_view()
        .names(generation)
        .expect("recomputed");
    assert!(!names.iter().any(|n| n.name == "Wadi Rabie"), "{names:?}");

    let saved = std::fs::read_to_string(user.path().join("gazetteer.toml")).expect("saved");
    assert!(saved.contains("name = \"Wadi Rabie\""), "{saved}");
    assert_eq!(
        std::fs::read(curated()).expect("read curated"),
        curated_before,
        "data/gazetteer.toml is untouched"
    );
}

#[test]
fn setting_a_date_on_an_undated_article_moves_it_into_the_timeline() {
    let user = tempfile::tempdir().expect("tempdir");
    let articles = articles_dir();
    let mut harness = app(loaded(articles.path()), user.path());
    let flight = ArticleIdx(1);
    {
        let ds = &harness.state().model().expect("loaded").dataset;
        assert_eq!(ds.article(flight).date_basis, DateBasis::Undated);
        assert!(
            ds.extraction(flight)
                .events
                .iter()
                .all(|e| e.when.is_none())
        );
    }

    harness
        .get_by_label_contains("Families flee the southern suburbs")
        .click();
    harness.run();
    harness.get_by_label(DATE_FIELD_LABEL).focus();
    harness.run();
    harness
        .get_by_label(DATE_FIELD_LABEL)
        .type_text("2019-04-07");
    harness.run();
    harness.get_by_label("Set date").click();
    harness.run_steps(3);
    wait_until_idle(&mut harness);

    let app = harness.state();
    let ds = &app.model().expect("loaded").dataset;
    assert_eq!(ds.article(flight).published, Some(day("2019-04-07")));
    assert_eq!(ds.article(flight).date_basis, DateBasis::UserOverride);
    assert_eq!(ds.index.published(flight), Some(day("2019-04-07")));
    let events = &ds.extraction(flight).events;
    assert!(!events.is_empty());
    assert!(
        events
            .iter()
            .all(|e| e.when.is_some_and(|w| w.from == day("2019-04-07")))
    );
    let (_, last) = ds.index.timeline_range().expect("range");
    assert_eq!(
        last,
        day("2019-04-07"),
        "the timeline now reaches the new date"
    );
    assert_eq!(
        app.state().selected_article,
        Some(flight),
        "the view is kept"
    );

    let sidecar = std::fs::read_to_string(user.path().join("dates.toml")).expect("saved");
    assert!(sidecar.contains("2019-04-07") && sidecar.contains("02_flight.md"));
    assert_eq!(
        std::fs::read_to_string(articles.path().join("02_flight.md")).expect("read"),
        FLIGHT,
        "the article file is not changed"
    );
}

/// A file dropped by the window system (as egui-winit's native handle: a path to read).
#[derive(Debug)]
pub(crate) struct DroppedPath(pub(crate) PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_files_on_the_window_imports_the_articles_and_names_what_it_skipped() {
    let user = tempfile::tempdir().expect("tempdir");
    let articles = articles_dir();
    let picture = articles.path().join("photo.png");
    std::fs::write(&picture, b"\x89PNG\r\n\x1a\n").expect("write");
    let formats = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let csv = articles.path().join("wire.csv");
    std::fs::write(
        &csv,
        "title,date,text\nAirstrike on Mitiga,2019-04-08,\"An airstrike hit Mitiga airport in Tripoli on Monday.\"\n",
    )
    .expect("write");
    let empty = Dataset::build(Corpus::default(), gazetteer(), Vec::new());
    let mut harness = app(empty, user.path());

    // A hover first, as a window system sends it: the drop hint shows.
    harness.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some(articles.path().join("01_clashes.txt")),
        ..Default::default()
    });
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Drop to add 1 item(s)")
            .is_some()
    );
    harness.input_mut().hovered_files.clear();
    for path in [
        articles.path().join("01_clashes.txt"),
        csv,
        picture,
        formats.join("beira_cyclone.html"),
        formats.join("south_asia_wire.rss"),
        formats.join("niger_delta_sitrep.pdf"),
    ] {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(DroppedPath(path)));
    }
    harness.step();
    assert!(
        harness
            .state()
            .import_state()
            .message
            .as_ref()
            .is_some_and(|(m, error)| *error && m.contains("photo.png")),
        "the file that is not an article is named: {:?}",
        harness.state().import_state().message
    );
    wait_until_idle(&mut harness);

    let ds = &harness.state().model().expect("loaded").dataset;
    let titles: Vec<&str> = ds.articles.iter().map(|a| a.title.as_str()).collect();
    // The text file, the CSV row, the page, the feed's three items and the PDF.
    assert_eq!(titles.len(), 7, "{titles:?} {:?}", ds.problems);
    for title in [
        "Clashes in Wadi Rabie",
        "Airstrike on Mitiga",
        "Cyclone floods Beira as rivers burst their banks",
        "Earthquake shakes Kathmandu valley",
        "Situation Report No. 12: Flooding in the Niger delta",
    ] {
        assert!(titles.contains(&title), "{title} not in {titles:?}");
    }
    let page = ds
        .articles
        .iter()
        .find(|a| a.id == "beira_cyclone")
        .expect("the page");
    assert_eq!(page.published, Some(day("2019-03-18")));
    assert!(
        harness
            .query_by_label_contains("Airstrike on Mitiga")
            .is_some()
    );
}

#[test]
fn place_on_map_takes_the_coordinates_of_the_next_map_click() {
    let user = tempfile::tempdir().expect("tempdir");
    let articles = articles_dir();
    let mut harness = app(loaded(articles.path()), user.path());

    harness.get_by_label("File").click();
    harness.run_steps(3);
    choose_missing_name(&mut harness, "Wadi Rabie");
    harness.get_by_label("Place on map").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Click the map…").is_some());

    // Click the map where the Tripoli marker is drawn: the form gets Tripoli's coordinates.
    let at = harness
        .get_by_role_and_label(
            egui::accesskit::Role::Button,
            &newsatlas::gui::marker_label("Tripoli"),
        )
        .rect()
        .center();
    harness.hover_at(at);
    harness.step();
    harness.drag_at(at);
    harness.step();
    harness.drop_at(at);
    harness.run_steps(3);

    let field = |label: &str| -> f64 {
        let text = harness.get_by_label(label).value().unwrap_or_default();
        text.parse()
            .unwrap_or_else(|_| panic!("{label} holds a number: {text:?}"))
    };
    let (lat, lon) = (field(LAT_LABEL), field(LON_LABEL));
    let tripoli = harness
        .state()
        .model()
        .expect("loaded")
        .dataset
        .gazetteer
        .places()
        .iter()
        .find(|p| p.name == "Tripoli")
        .expect("Tripoli")
        .coord;
    assert!(
        (lat - tripoli.lat).abs() < 0.1 && (lon - tripoli.lon).abs() < 0.1,
        "clicked at {lat}, {lon}; Tripoli is at {}, {}",
        tripoli.lat,
        tripoli.lon
    );
    assert!(
        harness.query_by_label("Place on map").is_some(),
        "placing ends with the click"
    );
}

#[test]
fn pasting_text_on_the_window_makes_an_article_titled_by_its_first_line() {
    let user = tempfile::tempdir().expect("tempdir");
    let empty = Dataset::build(Corpus::default(), gazetteer(), Vec::new());
    let mut harness = app(empty, user.path());
    harness.input_mut().events.push(egui::Event::Paste(
        "Curfew in Tripoli\n\nTRIPOLI, April 9 2019 (Wire) - A curfew was declared in Tripoli \
         on Tuesday after shelling near Mitiga."
            .to_owned(),
    ));
    harness.step();
    wait_until_idle(&mut harness);
    let ds = &harness.state().model().expect("loaded").dataset;
    let titles: Vec<&str> = ds.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Curfew in Tripoli"], "{:?}", ds.problems);
    assert!(ds.articles[0].file.starts_with(user.path().join("pasted")));
    // A pasted address is not fetched without consent: the Open URL dialog asks, nothing else
    // changes.
    harness
        .input_mut()
        .events
        .push(egui::Event::Paste("https://news.example/a".to_owned()));
    harness.step();
    harness.run();
    assert!(!harness.state().import_state().is_fetching());
    assert!(
        harness
            .query_by_label(newsatlas::gui::ONLINE_BOX_LABEL)
            .is_some(),
        "the dialog asks before going online"
    );
    assert_eq!(
        harness
            .state()
            .model()
            .expect("loaded")
            .dataset
            .articles
            .len(),
        1
    );
}

/// Answers one HTTP request on the loopback with `body` as `content_type`; returns the address.
fn serve_once(content_type: &'static str, body: &'static str) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
            line.clear();
        }
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body.as_bytes());
    });
    format!("http://127.0.0.1:{port}/story")
}

#[test]
fn open_url_fetches_only_after_the_user_allows_it_then_imports_the_page() {
    use newsatlas::gui::{ONLINE_BOX_LABEL, URL_FIELD_LABEL};
    const PAGE: &str = "<html><head><title>Clashes near Gharyan</title>\
        <meta property=\"article:published_time\" content=\"2019-06-26T10:00:00Z\"></head>\
        <body><nav>Home | World | Sport</nav><article><h1>Clashes near Gharyan</h1>\
        <p>Forces clashed near Gharyan, south of Tripoli, on Wednesday, residents said. \
        The fighting went on into the night and families left for the coast.</p>\
        <p>Officials in Tripoli said the town was back under their control by the evening, \
        and ambulances took the wounded to hospitals in the capital.</p></article></body></html>";
    let url = serve_once("text/html; charset=utf-8", PAGE);
    let user = tempfile::tempdir().expect("tempdir");
    let articles = articles_dir();
    let mut harness = app(loaded(articles.path()), user.path());

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open URL…").click();
    harness.run();
    harness.get_by_label(URL_FIELD_LABEL).focus();
    harness.run();
    harness.get_by_label(URL_FIELD_LABEL).type_text(&url);
    harness.run();
    // Offline by default: Fetch does nothing until the box is ticked.
    harness.get_by_label("Fetch").click();
    harness.run();
    assert!(
        !harness.state().import_state().is_fetching(),
        "fetched without consent"
    );
    assert!(
        harness
            .query_by_label_contains("Tick the box to fetch")
            .is_some()
    );

    harness.get_by_label(ONLINE_BOX_LABEL).click();
    harness.run();
    harness.get_by_label("Fetch").click();
    for _ in 0..1500 {
        harness.step();
        if !harness.state().import_state().is_fetching() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    wait_until_idle(&mut harness);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Clashes near Gharyan")
            .is_some(),
        "the fetched page is in the article list"
    );
    let fetched = user.path().join("fetched");
    let copies: Vec<_> = std::fs::read_dir(&fetched)
        .expect("the fetched folder")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .collect();
    assert_eq!(copies.len(), 1, "one copy kept in {}", fetched.display());
}
