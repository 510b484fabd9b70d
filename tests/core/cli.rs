//! The `newsatlas` binary as a user runs it: exit codes, formats, and the golden extraction of
//! the seeds (`UPDATE_GOLDEN=1 cargo test --test core` rewrites `tests/golden/seeds.jsonl`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A user data folder that does not exist: no gazetteer additions, no date overrides.
const NO_USER_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/no-user-data");

/// The gazetteer index cache of the tests (not the user's).
const TEST_CACHE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/test-cache");

/// Runs the binary with the default root (where it was built) and no user data, whatever the
/// caller's environment.
fn newsatlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsatlas"))
        .args(args)
        .env_remove("NEWSATLAS_ROOT")
        .env("NEWSATLAS_USER_DATA", NO_USER_DATA)
        .env("NEWSATLAS_CACHE_DIR", TEST_CACHE)
        .current_dir(ROOT)
        .output()
        .expect("the newsatlas binary runs")
}

/// `newsatlas extract` on the seeds, run once for the tests that compare with it.
fn seeds_jsonl() -> &'static Output {
    static OUTPUT: OnceLock<Output> = OnceLock::new();
    OUTPUT.get_or_init(|| newsatlas(&["extract"]))
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

#[test]
fn extract_on_the_seeds_writes_json_lines_and_exits_0() {
    let output = seeds_jsonl();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    let records = jsonl(&stdout(output));
    let kinds = |kind: &str| records.iter().filter(|r| r["type"] == kind).count();
    assert_eq!(kinds("article"), 5);
    assert!(kinds("place") > 0 && kinds("date") > 0 && kinds("event") > 0);
    let first = &records[0];
    assert_eq!(first["id"], "000_7d2449e987ad4fa5");
    assert_eq!(first["file"], "seeds/000_7d2449e987ad4fa5.txt");
    assert_eq!(first["published"], "2019-04-28");
    assert_eq!(first["date_basis"], "header");
    for event in records.iter().filter(|r| r["type"] == "event") {
        let basis = event["date_basis"].as_str().unwrap_or("");
        assert!(
            ["text", "carried", "publication", "undated"].contains(&basis),
            "{event}"
        );
        // The expression an event's time came from is named unless it is publication's.
        assert_eq!(
            event["date_surface"].is_string(),
            ["text", "carried"].contains(&basis),
            "{event}"
        );
        assert!(!event["text"].as_str().unwrap_or("").is_empty(), "{event}");
    }
    // Issue 12: the Tabqa entry is October 2019 (carried from "Last year, in October"), not the
    // article's February 2020.
    let tabqa = records
        .iter()
        .find(|r| r["type"] == "event" && r["place_id"] == "tabqa-sy")
        .expect("the Tabqa event");
    assert_eq!(
        (&tabqa["from"], &tabqa["to"], &tabqa["date_basis"]),
        (
            &Value::from("2019-10-01"),
            &Value::from("2019-10-31"),
            &Value::from("carried")
        ),
        "{tabqa}"
    );
}

#[test]
fn geojson_has_point_features_in_lon_lat_order() {
    let geojson = newsatlas(&["extract", "--format", "geojson"]);
    assert_eq!(geojson.status.code(), Some(0), "{}", stderr(&geojson));
    let collection: Value = serde_json::from_str(&stdout(&geojson)).expect("the GeoJSON parses");
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().expect("features");
    assert!(!features.is_empty());

    // The same events, in the same order, as the JSON Lines export, which names lat and lon.
    let events: Vec<Value> = jsonl(&stdout(seeds_jsonl()))
        .into_iter()
        .filter(|r| r["type"] == "event")
        .collect();
    assert_eq!(features.len(), events.len());
    for (feature, event) in features.iter().zip(&events) {
        assert_eq!(feature["type"], "Feature");
        assert_eq!(feature["geometry"]["type"], "Point");
        assert_eq!(
            feature["geometry"]["coordinates"],
            serde_json::json!([event["lon"], event["lat"]]),
            "{feature}"
        );
        assert_eq!(feature["properties"]["place_id"], event["place_id"]);
        assert_eq!(feature["properties"]["from"], event["from"]);
    }
}

#[test]
fn kml_is_xml_with_placemarks_and_time_spans() {
    let output = newsatlas(&["extract", "--format", "kml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let kml = stdout(&output);
    assert!(kml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"
    ));
    assert!(kml.trim_end().ends_with("</kml>"));
    assert!(kml.contains("<TimeSpan><begin>"), "no TimeSpan");
    assert_eq!(
        kml.matches("<Placemark>").count(),
        kml.matches("</Placemark>").count()
    );
    // Text is escaped: no bare ampersand.
    assert!(kml.split('&').skip(1).all(|rest| {
        ["amp;", "lt;", "gt;", "quot;", "apos;"]
            .iter()
            .any(|e| rest.starts_with(e))
    }));
}

#[test]
fn csv_has_a_header_row_and_one_row_per_event() {
    let output = newsatlas(&["extract", "--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    assert_eq!(&headers[0], "article");
    assert!(headers.iter().any(|h| h == "lat") && headers.iter().any(|h| h == "lon"));
    let rows = reader.records().count();
    let events = jsonl(&stdout(seeds_jsonl()))
        .iter()
        .filter(|r| r["type"] == "event")
        .count();
    assert_eq!(rows, events);
}

#[test]
fn out_writes_the_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("events.geojson");
    let output = newsatlas(&[
        "extract",
        "--format",
        "geojson",
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let written: Value =
        serde_json::from_str(&fs::read_to_string(&out).expect("the file")).expect("JSON");
    assert_eq!(written["type"], "FeatureCollection");
    assert_eq!(
        fs::read_dir(dir.path()).expect("list").count(),
        1,
        "no temporary file left behind"
    );
}

#[cfg(unix)]
#[test]
fn out_replaces_what_a_link_points_to_keeps_its_mode_and_writes_through_devices() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("real.csv");
    fs::write(&real, "old").expect("write");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).expect("chmod");
    let link = dir.path().join("latest.csv");
    std::os::unix::fs::symlink("real.csv", &link).expect("symlink");
    let output = newsatlas(&[
        "extract",
        "--format",
        "csv",
        "-o",
        link.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .expect("read")
            .starts_with("article,title")
    );
    assert_eq!(
        fs::metadata(&real).expect("meta").permissions().mode() & 0o777,
        0o644
    );
    assert!(
        !dir.path().join("real.csv.bak").exists(),
        "no backup of a re-made output"
    );

    // `-o /dev/null` writes into the device and leaves it a device.
    let output = newsatlas(&["extract", "-o", "/dev/null"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        fs::metadata("/dev/null")
            .expect("meta")
            .file_type()
            .is_char_device()
    );

    // `-o -` is standard output.
    let output = newsatlas(&["extract", "-o", "-"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("{\"type\":\"article\""));
    assert!(!Path::new(ROOT).join("-").exists());
}

#[cfg(target_os = "linux")]
#[test]
fn a_fifo_in_a_corpus_is_skipped_with_a_message_instead_of_hanging() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("a.txt"),
        "date 2019-04-09\nClashes in Tripoli.",
    )
    .expect("write");
    let fifo = dir.path().join("b.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        return;
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsatlas"))
        .args(["extract", "--corpus", dir.path().to_str().expect("utf-8")])
        .env("NEWSATLAS_CACHE_DIR", TEST_CACHE)
        .current_dir(ROOT)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > std::time::Duration::from_mins(1) {
            let _ = child.kill();
            panic!("extract hung on a FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("b.txt") && stderr(&output).contains("FIFO"));
    assert_eq!(
        jsonl(&stdout(&output))
            .iter()
            .filter(|r| r["type"] == "article")
            .count(),
        1
    );
}

/// Runs the binary with `args` and the environment `env`, failing the test if it runs for more
/// than a minute (a read that blocks on a FIFO would never end).
#[cfg(target_os = "linux")]
fn newsatlas_within_a_minute(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsatlas"));
    command
        .args(args)
        .env_remove("NEWSATLAS_ROOT")
        .env("NEWSATLAS_USER_DATA", NO_USER_DATA)
        .env("NEWSATLAS_CACHE_DIR", TEST_CACHE)
        .current_dir(ROOT)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("runs");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > std::time::Duration::from_mins(1) {
            let _ = child.kill();
            panic!("newsatlas {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

#[cfg(target_os = "linux")]
#[test]
fn fifos_as_user_files_a_csv_corpus_or_a_scenes_file_are_refused_instead_of_hanging() {
    let dir = tempfile::tempdir().expect("tempdir");
    let user = dir.path().join("user");
    fs::create_dir_all(&user).expect("mkdir");
    let fifos = [
        user.join("gazetteer.toml"),
        user.join("dates.toml"),
        dir.path().join("corpus.csv"),
        dir.path().join("scenes.toml"),
    ];
    for fifo in &fifos {
        let made = Command::new("mkfifo")
            .arg(fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            return; // no mkfifo here
        }
    }
    let output = newsatlas_within_a_minute(
        &["extract", "-o", "/dev/null"],
        &[("NEWSATLAS_USER_DATA", &user)],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    for name in ["gazetteer.toml", "dates.toml"] {
        assert!(
            stderr(&output)
                .lines()
                .any(|l| l.contains(name) && l.contains("FIFO")),
            "{name}: {}",
            stderr(&output)
        );
    }
    let csv = fifos[2].to_str().expect("utf-8");
    let output = newsatlas_within_a_minute(&["extract", "--corpus", csv], &[]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("FIFO"), "{}", stderr(&output));
    let scenes = fifos[3].to_str().expect("utf-8");
    let out = dir.path().join("slides");
    let output = newsatlas_within_a_minute(
        &[
            "render",
            "--scenes",
            scenes,
            "--out",
            out.to_str().expect("utf-8"),
        ],
        &[],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("FIFO"), "{}", stderr(&output));
}

#[test]
fn a_missing_corpus_folder_is_unusable_input() {
    let output = newsatlas(&["extract", "--corpus", "/nonexistent/newsatlas-corpus"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/nonexistent/newsatlas-corpus"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn an_unreadable_gazetteer_is_unusable_input() {
    let output = newsatlas(&["check", "--gazetteer", "/nonexistent/gazetteer.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/nonexistent/gazetteer.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_root_without_data_is_unusable_input_and_says_what_was_looked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = newsatlas(&["--root", dir.path().to_str().expect("utf-8 path"), "check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("data"), "{}", stderr(&output));
}

#[test]
fn the_root_can_come_from_the_environment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = Command::new(env!("CARGO_BIN_EXE_newsatlas"))
        .args(["check"])
        .env("NEWSATLAS_ROOT", dir.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("NEWSATLAS_ROOT"),
        "{}",
        stderr(&output)
    );
}

/// A corpus folder with one good article, one binary file and one undated article.
fn messy_corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("articles");
    fs::create_dir(&corpus).expect("mkdir");
    fs::write(
        corpus.join("a.txt"),
        "title: Fighting in Tripoli\ndate: 2019-04-07\n\nClashes in Tripoli on Sunday.",
    )
    .expect("write");
    fs::write(corpus.join("b.txt"), b"\x00\x01binary").expect("write");
    fs::write(
        corpus.join("c.txt"),
        "title: Later\ndate: sometime\n\nMisrata was calm.",
    )
    .expect("write");
    (dir, corpus)
}

#[test]
fn problems_in_a_corpus_give_exit_1_with_file_and_line_on_stderr_and_the_output_is_still_written() {
    let (_dir, corpus) = messy_corpus();
    let output = newsatlas(&["extract", "--corpus", corpus.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("b.txt: error: the file looks binary"), "{err}");
    assert!(
        err.contains("c.txt:2: warning: `date: sometime` is not a date"),
        "{err}"
    );
    let records = jsonl(&stdout(&output));
    let articles: Vec<_> = records.iter().filter(|r| r["type"] == "article").collect();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[1]["published"], Value::Null);
    assert_eq!(articles[1]["date_basis"], "undated");
}

#[test]
fn check_reports_corpus_problems_with_exit_1() {
    let (_dir, corpus) = messy_corpus();
    let output = newsatlas(&["check", "--corpus", corpus.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("c.txt:2: warning:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_of_the_bundled_data_is_clean_and_lists_unknown_names() {
    let output = newsatlas(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("not in the gazetteer") || out.contains("Every place-like name"),
        "{out}"
    );
    assert!(
        stderr(&output).contains("checked 5 articles"),
        "{}",
        stderr(&output)
    );
}

#[cfg(not(feature = "gui"))]
#[test]
fn without_the_gui_no_subcommand_prints_help_and_a_note() {
    let output = newsatlas(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("extract"), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("GUI is not compiled in"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn extract_of_the_seeds_matches_the_golden_file() {
    let golden = Path::new(ROOT).join("tests/golden/seeds.jsonl");
    let output = seeds_jsonl();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    let actual = stdout(output);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&golden, &actual).expect("write the golden file");
        return;
    }
    let expected = fs::read_to_string(&golden)
        .expect("tests/golden/seeds.jsonl exists (create it with UPDATE_GOLDEN=1)");
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "the extraction of the seeds differs from tests/golden/seeds.jsonl from line {}:\n  actual:   {}\n  expected: {}\n\
             If the change is intended, run UPDATE_GOLDEN=1 cargo test --test core and review the diff.",
            line + 1,
            actual.lines().nth(line).unwrap_or("<end>"),
            expected.lines().nth(line).unwrap_or("<end>"),
        );
    }
}

#[test]
fn render_writes_one_png_per_scene_at_the_asked_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let scenes = dir.path().join("scenes.toml");
    fs::write(
        &scenes,
        "[[scene]]\nname = \"Tripoli, April\"\ncaption = \"The offensive on the capital\"\n\
         center = { lat = 32.8872, lon = 13.1913 }\nzoom = 7.5\ncursor = \"2019-04-20\"\n\
         half_window_days = 10\n\n\
         [[scene]]\nname = \"All of Libya\"\ncenter = { lat = 29.0, lon = 17.0 }\nzoom = 4.6\n\
         cursor = \"2020-02-29\"\nmode = \"cumulative\"\nplace = \"no-such-place\"\n",
    )
    .expect("write");
    let out = dir.path().join("pngs");
    let scenes_arg = scenes.to_string_lossy().into_owned();
    let out_arg = out.to_string_lossy().into_owned();
    let output = newsatlas(&[
        "render",
        "--scenes",
        &scenes_arg,
        "--out",
        &out_arg,
        "--width",
        "320",
        "--height",
        "200",
    ]);
    // The unknown place id is reported with its scene's line; both scenes are still rendered.
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("scenes.toml:9: warning")
            && stderr(&output).contains("no-such-place"),
        "{}",
        stderr(&output)
    );
    for name in ["01-tripoli-april.png", "02-all-of-libya.png"] {
        let bytes = fs::read(out.join(name)).expect(name);
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{name} is a PNG");
        // IHDR: width and height, big-endian, at bytes 16..24.
        let width = u32::from_be_bytes(bytes[16..20].try_into().expect("4 bytes"));
        let height = u32::from_be_bytes(bytes[20..24].try_into().expect("4 bytes"));
        assert_eq!((width, height), (320, 200), "{name}");
    }

    // A scenes file that is not TOML is unusable input.
    fs::write(&scenes, "[[scene]\n").expect("write");
    let output = newsatlas(&["render", "--scenes", &scenes_arg, "--out", &out_arg]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("scenes.toml:1"),
        "{}",
        stderr(&output)
    );
}

/// A scene selecting a place the user added (in the user data folder's gazetteer) renders with
/// that place's marker and selection ring, and `extract` lists its events: the command line loads
/// the user's data as the app does.
#[test]
fn render_and_extract_see_the_users_places_and_dates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let user = dir.path().join("user");
    fs::create_dir(&user).expect("mkdir");
    // A made-up name, so that no bundled layer knows it.
    fs::write(
        user.join("gazetteer.toml"),
        "[[place]]\nid = \"user-qasr-zemlak\"\nname = \"Qasr Zemlak\"\nkind = \"city\"\n\
         lat = 31.0\nlon = 14.0\ncountry = \"LY\"\n",
    )
    .expect("write");
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).expect("mkdir");
    fs::write(
        corpus.join("a.txt"),
        "date 2019-04-05\n\nFighting was reported in Qasr Zemlak on Friday.\n",
    )
    .expect("write");
    let scenes = dir.path().join("scenes.toml");
    fs::write(
        &scenes,
        "[[scene]]\nname = \"Zemlak\"\ncenter = { lat = 31.0, lon = 14.0 }\nzoom = 7.0\n\
         cursor = \"2019-04-05\"\nhalf_window_days = 3\nplace = \"user-qasr-zemlak\"\n",
    )
    .expect("write");
    let out = dir.path().join("pngs");
    let (user_arg, corpus_arg) = (user.to_string_lossy(), corpus.to_string_lossy());
    let (scenes_arg, out_arg) = (scenes.to_string_lossy(), out.to_string_lossy());
    let render = |user: &str| {
        newsatlas(&[
            "--user-data",
            user,
            "render",
            "--corpus",
            &corpus_arg,
            "--scenes",
            &scenes_arg,
            "--out",
            &out_arg,
            "--width",
            "400",
            "--height",
            "300",
        ])
    };
    // The selection ring's colour (`render::SELECTED`) around the marker at the centre.
    let ring_drawn = || {
        let png = tiny_skia::Pixmap::load_png(out.join("01-zemlak.png")).expect("a PNG");
        (140..260).any(|x| {
            (90..210).any(|y| {
                png.pixel(x, y)
                    .is_some_and(|p| p.red() > 150 && p.green() < 60 && p.blue() > 80)
            })
        })
    };

    let without = render(NO_USER_DATA);
    assert!(
        stderr(&without).contains("user-qasr-zemlak"),
        "without the user's data the place is unknown: {}",
        stderr(&without)
    );
    assert!(!ring_drawn(), "no selected marker without the user's data");

    let with = render(&user_arg);
    assert_eq!(with.status.code(), Some(0), "{}", stderr(&with));
    assert!(ring_drawn(), "the user's place is drawn selected");

    let extract = newsatlas(&["--user-data", &user_arg, "extract", "--corpus", &corpus_arg]);
    assert!(
        stdout(&extract).contains("user-qasr-zemlak"),
        "{}",
        stdout(&extract)
    );
}

#[test]
fn hostile_csv_cells_cannot_become_formulas_and_lose_their_control_characters() {
    let corpus = Path::new(ROOT).join("tests/bad_inputs/data/formula_cells.csv");
    let output = newsatlas(&[
        "extract",
        "--corpus",
        corpus.to_str().expect("utf-8"),
        "--format",
        "csv",
        "-o",
        "-",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let mut rows = 0;
    for row in reader.records() {
        let row = row.expect("a CSV row");
        rows += 1;
        for (i, cell) in row.iter().enumerate() {
            // lat and lon are numbers.
            if i != 7 && i != 8 {
                assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
            }
            assert!(!cell.chars().any(char::is_control), "{cell:?}");
        }
    }
    assert_eq!(rows, 2);
}

#[test]
fn one_sentence_listing_hundreds_of_places_gives_an_export_a_few_times_its_size() {
    let article = Path::new(ROOT).join("tests/bad_inputs/data/place_list.txt");
    let input = fs::metadata(&article).expect("meta").len() as usize;
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy(&article, dir.path().join("a.txt")).expect("copy");
    // The sentence names 900 places: a list, of which the first hundred are kept, so every
    // output, mention records and all, stays within a few times the article's size.
    for (format, most) in [("csv", 3), ("geojson", 3), ("kml", 4), ("jsonl", 5)] {
        let output = newsatlas(&[
            "extract",
            "--corpus",
            dir.path().to_str().expect("utf-8"),
            "--format",
            format,
            "-o",
            "-",
        ]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(
            err.contains("a.txt") && err.contains("900 places named") && err.contains("first 100"),
            "{err}"
        );
        let size = output.stdout.len();
        assert!(
            size <= most * input,
            "{format}: {size} bytes for an article of {input}"
        );
        if format == "jsonl" {
            let places = jsonl(&stdout(&output))
                .into_iter()
                .filter(|r| r["type"] == "place")
                .count();
            assert_eq!(places, 100);
        }
    }
}

#[cfg(unix)]
#[test]
fn extract_reads_links_out_of_the_corpus_folder_only_with_follow_outside_links() {
    let outside = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let story = outside.path().join("story.txt");
    fs::write(
        &story,
        "date 2019-04-09\nClashes were reported in Tripoli.\n",
    )
    .expect("write");
    std::os::unix::fs::symlink(&story, dir.path().join("story.txt")).expect("symlink");
    std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("env.txt")).expect("symlink");
    let corpus = dir.path().display().to_string();
    let articles = |output: &Output| {
        jsonl(&stdout(output))
            .into_iter()
            .filter(|r| r["type"] == "article")
            .count()
    };

    let skipped = newsatlas(&["extract", "--corpus", &corpus]);
    assert_eq!(articles(&skipped), 0);
    let err = stderr(&skipped);
    assert!(
        err.contains("story.txt") && err.contains("--follow-outside-links"),
        "{err}"
    );

    let followed = newsatlas(&["extract", "--follow-outside-links", "--corpus", &corpus]);
    assert_eq!(articles(&followed), 1, "{}", stderr(&followed));
    let out = stdout(&followed);
    assert!(out.contains("Tripoli"));
    let err = stderr(&followed);
    assert!(
        err.contains("env.txt") && err.contains("a system folder"),
        "{err}"
    );
    assert!(!err.contains("story.txt"), "{err}");

    let help = stdout(&newsatlas(&["extract", "--help"]));
    assert!(help.contains("--follow-outside-links"), "{help}");
}
