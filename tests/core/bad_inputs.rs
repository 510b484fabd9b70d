//! The bad-input corpus (`tests/bad_inputs/`, plus the big and the racy cases made here at run
//! time): every loader meets binary data, invalid UTF-8, a byte order mark, CRLF, empty, huge,
//! deeply nested, out-of-range, duplicated, unreadable, vanishing and unwritable files. For each:
//! no panic, a problem naming the file (and the line where there is one) in the expected words,
//! the good data kept, and the user's scenes and gazetteer edits never lost.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use newsatlas::corpus::{Corpus, DateBasis, MAX_ARTICLE_BYTES};
use newsatlas::extract::{ArticleIdx, Source, extract_article};
use newsatlas::gazetteer::Gazetteer;
use newsatlas::scenes;
use newsatlas::{DateOverrides, SaveError, UserDataDir, UserGazetteer};
use newsatlas::{Problem, Severity};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn bad(rel: &str) -> PathBuf {
    Path::new(ROOT).join("tests/bad_inputs").join(rel)
}

fn listing(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The one problem about `file` (by file name) that contains `words`; fails with the list.
#[track_caller]
fn problem<'p>(problems: &'p [Problem], file: &str, words: &str) -> &'p Problem {
    problems
        .iter()
        .find(|p| p.file.file_name().is_some_and(|n| n == file) && p.message.contains(words))
        .unwrap_or_else(|| {
            panic!(
                "no problem about {file} saying `{words}` in:\n{}",
                listing(problems)
            )
        })
}

/// A copy of a bad-input file in a fresh folder (tests that move or write files work on copies).
fn copy_to(dir: &Path, rel: &str, name: &str) -> PathBuf {
    let to = dir.join(name);
    fs::copy(bad(rel), &to).expect("copy a bad input");
    to
}

/// True when the process can read a file with no permissions (root can): then permission tests
/// cannot block anything and say so.
#[cfg(unix)]
fn permissions_are_enforced(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::write(&probe, b"x").expect("write probe");
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).expect("chmod");
    let enforced = fs::read(&probe).is_err();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o600)).expect("chmod back");
    fs::remove_file(&probe).expect("remove probe");
    enforced
}

// ---------------------------------------------------------------------------------------------
// Articles: a folder of every kind of bad file
// ---------------------------------------------------------------------------------------------

#[test]
fn a_folder_of_bad_articles_reports_each_by_name_and_loads_the_good_ones() {
    let dir = bad("articles");
    let (corpus, problems) = Corpus::load_dir(&dir);
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    // binary.txt and utf16.txt are refused; the rest load (empty.txt as an empty undated one).
    assert_eq!(
        ids,
        ["bom", "crlf", "empty", "good", "good.txt", "latin1"],
        "{}",
        listing(&problems)
    );

    let p = problem(
        &problems,
        "binary.txt",
        "looks binary (a NUL byte at byte 8)",
    );
    assert_eq!(p.severity, Severity::Error);
    assert!(
        p.to_string()
            .contains("binary.txt: error: the file looks binary"),
        "{p}"
    );
    assert!(
        p.message
            .ends_with("expected UTF-8 text; the file is skipped"),
        "{p}"
    );
    problem(
        &problems,
        "utf16.txt",
        "it looks like UTF-16, save it as UTF-8",
    );
    let p = problem(
        &problems,
        "latin1.txt",
        "not valid UTF-8; invalid bytes were replaced",
    );
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.line, Some(2), "the line of the first bad byte: {p}");
    problem(&problems, "empty.txt", "the article is empty");
    problem(
        &problems,
        "good.txt",
        "another file has the id `good`; this one is `good.txt`",
    );
    assert_eq!(problems.len(), 5, "{}", listing(&problems));

    let by_id = |id: &str| {
        corpus
            .articles
            .iter()
            .find(|a| a.id == id)
            .expect("article loaded")
    };
    let bom = by_id("bom");
    assert_eq!(
        (bom.title.as_str(), bom.date_basis.as_str()),
        ("BOM", "header")
    );
    assert_eq!(bom.body, "Shelling in Tripoli.\n");
    let crlf = by_id("crlf");
    assert_eq!(crlf.title, "CRLF");
    assert_eq!(crlf.body, "Clashes in Misrata.\r\nMore in Sirte.\r\n");
    assert_eq!(
        by_id("latin1").body,
        "Fighting near Gharyan caf\u{FFFD} and Tripoli.\n"
    );
    assert_eq!(by_id("empty").date_basis, DateBasis::Undated);
}

#[test]
fn a_ten_megabyte_one_line_article_loads_and_extracts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("line.txt");
    let sentence = "Clashes near Tripoli airport on April 4, 2019 and in Gharyan; ";
    let line = sentence.repeat(10 * 1024 * 1024 / sentence.len() + 1);
    fs::write(&path, format!("date 2019-04-09 {line}")).expect("write");
    let (corpus, problems) = Corpus::load_file(&path);
    assert!(problems.is_empty(), "{}", listing(&problems));
    let article = &corpus.articles[0];
    assert!(article.body.len() > 10 * 1024 * 1024);
    assert_eq!(article.title, "line", "a 10 MB line is not a title");
    let gazetteer = Gazetteer::from_places(Vec::new());
    let extraction = extract_article(
        ArticleIdx(0),
        &article.body.text(),
        article.published,
        Source::of(article),
        &gazetteer,
    );
    assert!(extraction.dates.len() > 100_000);
    assert_eq!(extraction.sentences.len(), 1, "no full stop: one sentence");
}

#[test]
fn an_article_above_the_limit_is_refused_on_every_load_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.txt");
    // A sparse file: the loaders must refuse it by its size, before reading it.
    fs::File::create(&path)
        .expect("create")
        .set_len(MAX_ARTICLE_BYTES + 1)
        .expect("set_len");
    fs::write(dir.path().join("small.txt"), "Tripoli").expect("write");
    let limit = format!("above the limit of {MAX_ARTICLE_BYTES} bytes for one article");
    for (corpus, problems) in [
        Corpus::load_dir(dir.path()),
        Corpus::load_file(&path),
        Corpus::load_path(&path),
        Corpus::load_files(std::slice::from_ref(&path)),
    ] {
        assert!(corpus.articles.iter().all(|a| a.id != "huge"));
        let p = problem(&problems, "huge.txt", &limit);
        assert_eq!(p.severity, Severity::Error);
    }
    assert_eq!(
        Corpus::load_dir(dir.path()).0.articles.len(),
        1,
        "the small one loads"
    );
}

#[test]
fn a_csv_row_above_the_limit_is_refused_while_it_is_read() {
    // An unclosed quote: without a bound the reader would pull the whole file into one cell.
    let mut text = b"title,date,text\nOne,2019-04-08,Tripoli\nTwo,2019-04-09,\"".to_vec();
    text.resize(
        text.len() + (MAX_ARTICLE_BYTES as usize) + 2 * 1024 * 1024,
        b'x',
    );
    let path = Path::new("runaway.csv");
    let (corpus, problems) = Corpus::csv_from_reader(path, text.as_slice());
    assert_eq!(corpus.articles.len(), 1, "the row before it loads");
    let p = problem(
        &problems,
        "runaway.csv",
        "the row starting here is above the limit",
    );
    assert_eq!(p.line, Some(3), "{p}");
}

#[test]
fn a_bad_csv_reports_each_row_on_its_line_and_keeps_the_good_ones() {
    let path = bad("data/import_bad.csv");
    let (corpus, problems) = Corpus::load_csv(&path);
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-2", "d"], "{}", listing(&problems));
    let p = problem(
        &problems,
        "import_bad.csv",
        "the id `a` is used by an earlier row",
    );
    assert_eq!(p.line, Some(3));
    let p = problem(&problems, "import_bad.csv", "NUL byte (binary data)");
    assert_eq!(p.line, Some(4));
    let p = problem(
        &problems,
        "import_bad.csv",
        "`someday` is not a date, expected YYYY-MM-DD",
    );
    assert_eq!(p.line, Some(5));
}

#[test]
fn an_empty_or_headerless_csv_is_one_error_on_line_one() {
    let (corpus, problems) = Corpus::csv_from_reader(Path::new("empty.csv"), &b""[..]);
    assert!(corpus.articles.is_empty());
    let p = problem(
        &problems,
        "empty.csv",
        "the header row has no title, date, text column",
    );
    assert_eq!(p.line, Some(1));
}

#[test]
fn a_file_that_vanishes_during_a_load_is_reported_and_the_others_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a.txt", "b.txt", "c.txt"] {
        fs::write(dir.path().join(name), "Fighting near Gharyan.").expect("write");
    }
    let mut files: Vec<PathBuf> = fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    // Listed, then gone before it is read (another program moved it, a sync client...).
    fs::remove_file(dir.path().join("b.txt")).expect("remove");
    let (corpus, problems) = Corpus::load_files(&files);
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    let p = problem(&problems, "b.txt", "cannot read the file");
    assert!(p.message.ends_with("the file is skipped"), "{p}");
    assert_eq!(problems.len(), 1);
}

#[test]
fn an_unreadable_article_is_reported_and_the_others_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("ok.txt"), "Tripoli.").expect("write");
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "Misrata.").expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if permissions_are_enforced(dir.path()) {
            fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
        } else {
            // Running as root: no mode blocks a read, so make it unreadable another way: a
            // dangling symlink is listed like a file and fails when it is opened.
            eprintln!("permissions are not enforced (root): using a dangling symlink instead");
            fs::remove_file(&locked).expect("rm");
            std::os::unix::fs::symlink(dir.path().join("nowhere"), &locked).expect("symlink");
        }
    }
    let (corpus, problems) = Corpus::load_dir(dir.path());
    assert_eq!(corpus.articles.len(), 1);
    let p = problem(&problems, "locked.txt", "cannot read the file");
    assert_eq!(p.severity, Severity::Error);
}

// ---------------------------------------------------------------------------------------------
// Gazetteer files
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_gazetteer_rows_are_reported_on_their_lines_and_the_good_ones_load() {
    let path = bad("data/gazetteer_bad.toml");
    let (gazetteer, problems) = Gazetteer::load(&path, None, None);
    let ids: Vec<&str> = gazetteer.places().iter().map(|p| p.id).collect();
    assert_eq!(
        ids,
        ["good-ly", "alpha-ly", "beta-ly"],
        "{}",
        listing(&problems)
    );
    let name = "gazetteer_bad.toml";
    assert_eq!(
        problem(&problems, name, "lat 999 is out of range").line,
        Some(14)
    );
    assert_eq!(problem(&problems, name, "lon NaN").line, Some(22));
    let p = problem(&problems, name, "duplicate id `good-ly`");
    assert_eq!(p.line, Some(25));
    assert!(
        p.message.contains("first defined on line 2"),
        "names the first: {p}"
    );
    assert_eq!(problems.len(), 3, "{}", listing(&problems));
    // The alias cycle: names are not references, so nothing loops; both are candidates.
    let hits = gazetteer.name_hits("Fighting in Alpha and Beta.");
    assert!(hits.len() >= 2);
}

#[test]
fn bad_broad_rows_with_crlf_are_reported_on_their_lines() {
    let path = bad("data/places_broad_bad.tsv");
    let curated = bad("data/gazetteer_bad.toml");
    let (gazetteer, problems) = Gazetteer::load(&curated, Some(&path), None);
    assert!(gazetteer.by_id("gn:1").is_some(), "{}", listing(&problems));
    let name = "places_broad_bad.tsv";
    assert_eq!(problem(&problems, name, "lat NaN").line, Some(3));
    assert_eq!(
        problem(&problems, name, "duplicate id `gn:1`").line,
        Some(4)
    );
    assert_eq!(
        problem(&problems, name, "lon -200 is out of range").line,
        Some(5)
    );
}

#[test]
fn a_gazetteer_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = dir.path().join("gazetteer.toml");
    let mut text = b"\xEF\xBB\xBF".to_vec();
    text.extend(fs::read(bad("data/gazetteer_bad.toml")).expect("read"));
    fs::write(&toml, &text).expect("write");
    let tsv = dir.path().join("places_broad.tsv");
    let mut text = b"\xEF\xBB\xBF".to_vec();
    text.extend(fs::read(bad("data/places_broad_bad.tsv")).expect("read"));
    fs::write(&tsv, &text).expect("write");
    let (gazetteer, problems) = Gazetteer::load(&toml, Some(&tsv), None);
    assert!(
        gazetteer.by_id("good-ly").is_some(),
        "{}",
        listing(&problems)
    );
    assert!(gazetteer.by_id("gn:1").is_some(), "{}", listing(&problems));
    assert!(
        !problems
            .iter()
            .any(|p| p.message.contains("header") || p.message.contains("syntax")),
        "{}",
        listing(&problems)
    );
}

#[test]
fn a_gazetteer_that_is_not_utf8_names_the_line_of_the_first_bad_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gazetteer.toml");
    fs::write(
        &path,
        b"[[place]]\nid = \"x-ly\"\nname = \"Caf\xE9\"\nkind = \"city\"\nlat = 1\nlon = 2\n",
    )
    .expect("write");
    let (gazetteer, problems) = Gazetteer::load(&path, None, None);
    assert!(gazetteer.is_empty());
    let p = problem(&problems, "gazetteer.toml", "not valid UTF-8");
    assert_eq!(p.line, Some(3), "{p}");
}

#[test]
fn a_binary_gazetteer_is_one_error_and_the_other_layers_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gazetteer.toml");
    fs::write(&path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").expect("write");
    let broad = bad("data/places_broad_bad.tsv");
    let (gazetteer, problems) = Gazetteer::load(&path, Some(&broad), None);
    assert!(gazetteer.by_id("gn:1").is_some());
    let p = problem(&problems, "gazetteer.toml", "");
    assert_eq!(p.severity, Severity::Error);
    assert!(p.line.is_some(), "{p}");
}

#[test]
fn empty_gazetteer_files_load_as_no_places_without_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = dir.path().join("gazetteer.toml");
    let tsv = dir.path().join("places_broad.tsv");
    fs::write(&toml, "").expect("write");
    fs::write(&tsv, "").expect("write");
    let (gazetteer, _problems) = Gazetteer::load(&toml, Some(&tsv), None);
    assert!(gazetteer.is_empty());
    assert!(gazetteer.name_hits("Tripoli").is_empty());
}

#[test]
fn a_deeply_nested_gazetteer_or_scenes_file_is_an_error_not_a_stack_overflow() {
    let dir = tempfile::tempdir().expect("tempdir");
    for depth in [1_000, 100_000] {
        let nested = format!("x = {}{}\n", "[".repeat(depth), "]".repeat(depth));
        let path = dir.path().join("gazetteer.toml");
        fs::write(&path, &nested).expect("write");
        let (gazetteer, problems) = Gazetteer::load(&path, None, None);
        assert!(gazetteer.is_empty());
        assert!(!problems.is_empty());
        let (_, problems) = Gazetteer::from_broad_str(&nested, Path::new("places_broad.tsv"));
        assert_eq!(problems.len(), 1, "a wrong header is one problem");
        let parsed = scenes::parse(&nested);
        assert!(parsed.scenes.is_empty());
        let inline = format!("a = {}1{}\n", "{b = ".repeat(depth), "}".repeat(depth));
        let parsed = scenes::parse(&inline);
        assert!(parsed.scenes.is_empty());
    }
}

#[test]
fn a_gazetteer_above_the_size_limit_is_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("places_broad.tsv");
    fs::File::create(&path)
        .expect("create")
        .set_len(2 * 1024 * 1024 * 1024)
        .expect("set_len");
    let curated = bad("data/gazetteer_bad.toml");
    let (gazetteer, problems) = Gazetteer::load(&curated, Some(&path), None);
    assert!(
        gazetteer.by_id("good-ly").is_some(),
        "the curated layer loads"
    );
    let p = problem(&problems, "places_broad.tsv", "above the limit");
    assert_eq!(p.severity, Severity::Error);
}

#[test]
fn an_unreadable_gazetteer_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A folder where the file should be cannot be read, by root or anyone.
    let path = dir.path().join("gazetteer.toml");
    fs::create_dir(&path).expect("mkdir");
    let (gazetteer, problems) = Gazetteer::load(&path, None, Some(&path));
    assert!(gazetteer.is_empty());
    let p = problem(&problems, "gazetteer.toml", "cannot read the gazetteer");
    assert_eq!(p.severity, Severity::Error);
}

// ---------------------------------------------------------------------------------------------
// The user's files: scenes, gazetteer edits, date overrides
// ---------------------------------------------------------------------------------------------

#[test]
fn a_scenes_file_with_bad_scenes_keeps_the_good_ones_and_a_copy_of_the_original() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_to(dir.path(), "data/scenes_bad.toml", "scenes.toml");
    let original = fs::read(&path).expect("read");
    let outcome = scenes::load(&path);
    let names: Vec<&str> = outcome.scenes.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Tripoli"]);
    let p = problem(
        &outcome.problems,
        "scenes.toml",
        "scene 2 skipped: centre lat 999",
    );
    assert_eq!(p.line, Some(8));
    let p = problem(&outcome.problems, "scenes.toml", "scene 3 skipped");
    assert_eq!(p.line, Some(14));
    let kept = outcome.kept_aside.expect("kept aside");
    assert_eq!(fs::read(&kept).expect("read aside"), original);
    assert!(outcome.writable);
}

#[test]
fn a_binary_or_non_utf8_scenes_file_is_kept_byte_for_byte() {
    for (name, bytes) in [
        ("binary", &b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..]),
        (
            "latin1",
            &b"[[scene]]\nname = \"Caf\xE9\"\ncenter = { lat = 1.0, lon = 2.0 }\nzoom = 5.0\ncursor = 2019-04-09\n"[..],
        ),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("scenes.toml");
        fs::write(&path, bytes).expect("write");
        let outcome = scenes::load(&path);
        assert!(!outcome.problems.is_empty(), "{name}: a problem is shown");
        let kept = outcome.kept_aside.expect("kept aside");
        assert_eq!(fs::read(&kept).expect("read"), bytes, "{name}: the original is kept");
        if name == "latin1" {
            let p = problem(&outcome.problems, "scenes.toml", "not valid UTF-8");
            assert_eq!(p.line, Some(2), "{p}");
        }
    }
}

#[test]
fn a_scenes_file_with_a_byte_order_mark_and_crlf_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("scenes.toml");
    fs::write(
        &path,
        b"\xEF\xBB\xBF[[scene]]\r\nname = \"Tripoli\"\r\ncenter = { lat = 32.9, lon = 13.2 }\r\nzoom = 8.0\r\ncursor = 2019-04-09\r\n",
    )
    .expect("write");
    let outcome = scenes::load(&path);
    assert!(
        outcome.problems.is_empty(),
        "{}",
        listing(&outcome.problems)
    );
    assert_eq!(outcome.scenes.len(), 1);
}

#[test]
fn an_empty_scenes_file_is_no_scenes_and_no_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("scenes.toml");
    fs::write(&path, "").expect("write");
    let outcome = scenes::load(&path);
    assert!(outcome.scenes.is_empty());
    assert!(
        outcome.problems.is_empty(),
        "{}",
        listing(&outcome.problems)
    );
    assert!(outcome.writable);
}

#[test]
fn a_huge_scenes_file_is_refused_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("scenes.toml");
    fs::File::create(&path)
        .expect("create")
        .set_len(4 * 1024 * 1024 * 1024)
        .expect("set_len");
    let outcome = scenes::load(&path);
    let p = problem(&outcome.problems, "scenes.toml", "above the limit");
    assert_eq!(p.severity, Severity::Error);
    assert!(!outcome.writable, "the app must not save over it");
    assert_eq!(
        fs::metadata(&path).expect("stat").len(),
        4 * 1024 * 1024 * 1024
    );
}

#[test]
fn an_unreadable_scenes_file_is_reported_and_not_saved_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("scenes.toml");
    fs::create_dir(&path).expect("a folder where the file should be");
    let outcome = scenes::load(&path);
    problem(&outcome.problems, "scenes.toml", "cannot read the scenes");
    assert!(!outcome.writable);
}

/// Scenes saved, then a save that cannot be written: the error says so and the saved file is
/// intact. `block` makes the folder unwritable in a way that works for the user running tests.
fn a_failed_save_keeps_the_user_files(block: impl Fn(&Path) -> Option<Box<dyn FnOnce()>>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("newsatlas");
    let user = UserDataDir::at(&data);
    let scenes_path = data.join(scenes::FILE_NAME);
    let text = fs::read_to_string(bad("data/scenes_bad.toml")).expect("read");
    let first: Vec<scenes::Scene> = scenes::parse(&text)
        .scenes
        .into_iter()
        .map(|s| s.scene)
        .collect();
    scenes::save(&scenes_path, &first).expect("first save");
    let gazetteer = Gazetteer::from_places(Vec::new());
    let mut places = UserGazetteer::default();
    places.add_place(
        &newsatlas::NewPlace {
            name: "Wadi Rabie".to_owned(),
            aliases: vec!["Wadi Rabii".to_owned()],
            kind: newsatlas::gazetteer::PlaceKind::District,
            lat: 32.78,
            lon: 13.28,
            country: "LY".to_owned(),
        },
        &gazetteer,
    );
    places
        .save(&user.gazetteer())
        .expect("first gazetteer save");
    let scenes_before = fs::read(&scenes_path).expect("read");
    let gazetteer_before = fs::read(user.gazetteer()).expect("read");

    let Some(unblock) = block(&data) else {
        return;
    };
    let mut more = first.clone();
    more.extend(first.clone());
    let err = scenes::save(&scenes_path, &more).expect_err("the save fails");
    assert!(!err.to_string().is_empty());
    let err = places.save(&user.gazetteer()).expect_err("the save fails");
    assert!(matches!(err, SaveError::Io { .. }), "{err}");
    assert!(
        err.to_string().contains("gazetteer.toml"),
        "names the file: {err}"
    );
    unblock();

    assert_eq!(fs::read(&scenes_path).expect("read"), scenes_before);
    assert_eq!(fs::read(user.gazetteer()).expect("read"), gazetteer_before);
    assert_eq!(scenes::load(&scenes_path).scenes, first);
    let (reloaded, problems) = UserGazetteer::load(&user.gazetteer());
    assert!(problems.is_empty(), "{}", listing(&problems));
    assert_eq!(reloaded.places, places.places);
}

#[test]
fn an_unwritable_data_folder_fails_the_save_and_keeps_the_files() {
    a_failed_save_keeps_the_user_files(|data| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if !permissions_are_enforced(data) {
                eprintln!("permissions are not enforced (root): see the .bak variant instead");
                return None;
            }
            fs::set_permissions(data, fs::Permissions::from_mode(0o500)).expect("chmod");
            let data = data.to_path_buf();
            Some(Box::new(move || {
                fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).expect("chmod");
            }))
        }
        #[cfg(not(unix))]
        {
            let _ = data;
            None
        }
    });
}

#[test]
fn a_save_that_cannot_keep_the_previous_version_fails_and_keeps_the_files() {
    // Works for root too: the `.bak` copies cannot be made (folders sit where they go), so the
    // write fails after the new text is written to a temp file and before anything is replaced.
    a_failed_save_keeps_the_user_files(|data| {
        for name in ["scenes.toml.bak", "gazetteer.toml.bak"] {
            let bak = data.join(name);
            let _ = fs::remove_file(&bak);
            fs::create_dir_all(bak.join("blocked")).expect("mkdir");
        }
        let data = data.to_path_buf();
        Some(Box::new(move || {
            for name in ["scenes.toml.bak", "gazetteer.toml.bak"] {
                fs::remove_dir_all(data.join(name)).expect("rm");
            }
            // No temp file is left behind.
            let mut names: Vec<String> = fs::read_dir(&data)
                .expect("ls")
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            assert_eq!(names, ["gazetteer.toml", "scenes.toml"]);
        }))
    });
}

#[test]
fn a_data_folder_that_is_a_file_fails_the_save_with_its_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("newsatlas");
    fs::write(&file, "not a folder").expect("write");
    let user = UserDataDir::at(&file);
    let err = UserGazetteer::default()
        .save(&user.gazetteer())
        .expect_err("cannot write inside a file");
    assert!(err.to_string().contains("gazetteer.toml"), "{err}");
    assert!(DateOverrides::default().save(&user.dates()).is_err());
    assert_eq!(fs::read(&file).expect("read"), b"not a folder");
}

#[test]
fn a_damaged_or_non_utf8_user_gazetteer_is_reported_and_never_overwritten() {
    for (name, bytes, line) in [
        ("syntax", &b"[[place]]\nid = \"x\"\nname = \n"[..], Some(3)),
        ("latin1", &b"[[place]]\nid = \"x-ly\"\nname = \"Caf\xE9\"\nkind = \"city\"\nlat = 1.0\nlon = 2.0\n"[..], Some(3)),
        ("binary", &b"\x00\x01\x02"[..], Some(1)),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let user = UserDataDir::at(dir.path());
        fs::write(user.gazetteer(), bytes).expect("write");
        let (mut places, problems) = UserGazetteer::load(&user.gazetteer());
        let p = problems.first().unwrap_or_else(|| panic!("{name}: no problem"));
        assert!(p.file.ends_with("gazetteer.toml"), "{name}: {p}");
        assert_eq!(p.line, line, "{name}: {p}");
        assert!(places.is_damaged(), "{name}");
        assert!(matches!(
            places.save(&user.gazetteer()),
            Err(SaveError::Damaged(_))
        ));
        assert_eq!(fs::read(user.gazetteer()).expect("read"), bytes, "{name}");
    }
}

#[test]
fn a_non_utf8_date_overrides_file_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let user = UserDataDir::at(dir.path());
    let bytes =
        b"[[override]]\nfile = \"caf\xE9.txt\"\nid = \"x\"\nhash = \"0\"\ndate = \"2019-04-09\"\n";
    fs::write(user.dates(), bytes).expect("write");
    let (mut overrides, problems) = DateOverrides::load(&user.dates());
    let p = problem(&problems, "dates.toml", "not valid UTF-8");
    assert_eq!(p.line, Some(2));
    assert!(overrides.is_damaged());
    assert!(overrides.save(&user.dates()).is_err());
    assert_eq!(fs::read(user.dates()).expect("read"), bytes);
}

#[test]
fn every_bad_input_file_goes_through_every_parser_without_a_panic() {
    let mut files = Vec::new();
    for sub in ["articles", "data"] {
        for entry in fs::read_dir(bad(sub)).expect("ls") {
            files.push(entry.expect("entry").path());
        }
    }
    files.sort();
    assert!(files.len() >= 12);
    for path in &files {
        let bytes = fs::read(path).expect("read");
        #[cfg(feature = "fuzzing")]
        for target in newsatlas::fuzzing::TARGETS {
            assert!(newsatlas::fuzzing::run(target, &bytes), "{target}");
        }
        let mut out = Vec::new();
        let _ = newsatlas::corpus::article_from_bytes(path, bytes.clone(), &mut out);
        let _ = Gazetteer::from_broad_str(&String::from_utf8_lossy(&bytes), path);
        let _ = Corpus::csv_from_reader(path, bytes.as_slice());
    }
    let _ = std::io::stderr().flush();
}

#[test]
fn an_unknown_key_in_a_gazetteer_place_is_a_warning_and_the_place_loads() {
    let path = Path::new("gazetteer.toml");
    let text = "# my places\n[[place]]\nid = \"camp-x\"\nname = \"Camp X\"\nkind = \"city\"\n\
                lat = 32.1\nlon = 13.2\nnotes = \"from the field report\"\n";
    let (g, problems) = Gazetteer::from_toml_str(text, path);
    assert_eq!(g.places().len(), 1);
    let p = problem(&problems, "gazetteer.toml", "unknown field `notes` ignored");
    assert_eq!((p.severity, p.line), (Severity::Warning, Some(8)));
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
}

#[test]
fn a_save_keeps_comments_unknown_keys_other_tables_and_a_scene_it_could_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("scenes.toml");
    let original = fs::read_to_string(bad("data").join("scenes_commented.toml")).expect("read");
    fs::write(&path, &original).expect("write");
    let outcome = scenes::load(&path);
    assert_eq!(outcome.scenes.len(), 1, "{}", listing(&outcome.problems));
    problem(
        &outcome.problems,
        "scenes.toml",
        "outside the years 1 to 9999",
    );
    let mut mine = outcome.scenes.clone();
    let mut added = mine[0].clone();
    added.name = "Misrata".to_owned();
    mine.push(added);
    let merged = scenes::save_merged(&path, &outcome.scenes, &mine).expect("saves");
    assert_eq!(merged.len(), 2);
    let after = fs::read_to_string(&path).expect("read");
    for kept in [
        "# The user's notes on this briefing: kept by every save.",
        "owner = \"desk\"   # an unknown top-level key",
        "colour = \"red\"     # a key this version does not know",
        "cursor = \"+12019-04-09\"",
        "[extra]",
        "name = \"Misrata\"",
    ] {
        assert!(after.contains(kept), "{kept} lost:\n{after}");
    }
    // The second save keeps the first's text as .bak, comments and all.
    scenes::save_merged(&path, &merged, &merged).expect("saves again");
    let bak = fs::read_to_string(dir.path().join("scenes.toml.bak")).expect("bak");
    assert!(bak.contains("# The user's notes"), "{bak}");
}
