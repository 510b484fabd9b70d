//! Articles in the formats analysts collect them in (`tests/fixtures/formats/`): saved web pages
//! and feeds load through the folder loader and `newsatlas extract --corpus` alike, with their
//! real dates, outlets and addresses; bad files of each format are reported by name, the good
//! ones kept.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use newsatlas::corpus::{Corpus, DateBasis, SUMMARY_ONLY_NOTE};
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixtures() -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/formats")
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn a_folder_of_pages_and_feeds_loads_every_item_with_its_date_outlet_and_address() {
    let (corpus, problems) = Corpus::load_dir(&fixtures());
    let by_id = |id: &str| {
        corpus
            .articles
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("no article {id}"))
    };
    let page = by_id("beira_cyclone");
    assert_eq!(
        page.title,
        "Cyclone floods Beira as rivers burst their banks"
    );
    assert_eq!(page.outlet.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(page.published, date(2019, 3, 18));
    assert_eq!(page.date_basis.as_str(), "metadata");
    assert_eq!(
        page.url.as_deref(),
        Some("https://ledger.example/africa/2019/03/beira-floods")
    );
    assert!(
        page.body
            .text()
            .contains("Floodwater covered large parts of Beira on Monday")
    );
    assert!(
        page.body
            .text()
            .contains("landslides to Chimanimani district")
    );
    for menu in [
        "Crossword",
        "Subscribe",
        "Lowest fares",
        "travel blog",
        "football results",
        "morning briefing",
        "Cookie",
        "Search the Ledger",
    ] {
        assert!(
            !page.body.text().contains(menu),
            "`{menu}` in the story:\n{}",
            page.body
        );
    }

    let latin1 = by_id("valparaiso_fires_latin1");
    assert_eq!(latin1.title, "Incendios cerca de Valparaíso");
    assert_eq!(latin1.published, date(2024, 2, 3));
    assert!(
        matches!(&latin1.date_basis, DateBasis::Metadata { field } if field.contains("JSON-LD"))
    );
    assert!(
        latin1.body.text().contains("Viña del Mar"),
        "{}",
        latin1.body
    );

    let quake = by_id("south_asia_wire-1");
    assert_eq!(quake.title, "Earthquake shakes Kathmandu valley");
    assert_eq!(quake.outlet.as_deref(), Some("South Asia Wire"));
    assert_eq!(quake.published, date(2015, 4, 25));
    assert_eq!(
        quake.url.as_deref(),
        Some("https://wire.example/2015/04/25/kathmandu-quake")
    );
    assert!(quake.body.text().contains("Bhaktapur"));
    assert_eq!(quake.note, None, "full content, not the summary");
    let ferries = by_id("south_asia_wire-2");
    assert_eq!(ferries.note.as_deref(), Some(SUMMARY_ONLY_NOTE));
    assert_eq!(by_id("south_asia_wire-3").published, date(2022, 8, 30));

    let santiago = by_id("andes_desk-1");
    assert_eq!(santiago.published, date(2019, 10, 19));
    assert_eq!(santiago.byline.as_deref(), Some("M. Rojas"));
    let quito = by_id("andes_desk-2");
    assert_eq!(quito.published, date(2019, 10, 14), "the updated date");
    let sitrep = by_id("niger_delta_sitrep");
    assert_eq!(sitrep.published, date(2022, 10, 14));
    assert_eq!(sitrep.outlet.as_deref(), Some("Relief Coordination Office"));
    assert!(
        sitrep
            .body
            .text()
            .contains("In Yenagoa, the state capital of Bayelsa")
    );
    assert_eq!(by_id("no_metadata_report").published, date(2023, 3, 3));
    assert_eq!(corpus.articles.len(), 9);
    // The scanned PDF is the one problem: it has no text to read.
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].file.ends_with("scanned_letter.pdf"));
    assert!(problems[0].message.contains("no text layer"));
}

#[test]
fn extract_on_the_folder_puts_each_item_on_the_map_with_its_date() {
    let output = Command::new(env!("CARGO_BIN_EXE_newsatlas"))
        .args(["extract", "--corpus"])
        .arg(fixtures())
        .env_remove("NEWSATLAS_ROOT")
        .env(
            "NEWSATLAS_USER_DATA",
            Path::new(ROOT).join("target/no-user-data"),
        )
        .env(
            "NEWSATLAS_CACHE_DIR",
            Path::new(ROOT).join("target/test-cache"),
        )
        .current_dir(ROOT)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let records: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let article = |id: &str| {
        records
            .iter()
            .find(|r| r["type"] == "article" && r["id"] == id)
            .unwrap_or_else(|| panic!("no article {id}"))
    };
    assert_eq!(article("beira_cyclone")["published"], "2019-03-18");
    assert_eq!(
        article("beira_cyclone")["url"],
        "https://ledger.example/africa/2019/03/beira-floods"
    );
    assert_eq!(article("andes_desk-1")["date_basis"], "metadata");
    let event_at = |id: &str, place: &str| {
        records.iter().any(|r| {
            r["type"] == "event"
                && r["article"] == id
                && r["text"].as_str().is_some_and(|t| t.contains(place))
        })
    };
    assert!(event_at("beira_cyclone", "Beira"));
    assert!(event_at("south_asia_wire-1", "Kathmandu"));
    assert!(event_at("andes_desk-1", "Santiago"));
    assert!(event_at("valparaiso_fires_latin1", "Valparaíso"));
    assert!(event_at("niger_delta_sitrep", "Yenagoa"));
}

#[test]
fn bad_pages_and_feeds_are_reported_by_name_and_the_good_ones_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    fs::write(d.join("photo.html"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").expect("write");
    fs::write(d.join("broken.rss"), b"<rss><channel><item><title>x</item>").expect("write");
    fs::write(d.join("empty.html"), b"").expect("write");
    fs::create_dir(d.join("folder.txt")).expect("mkdir");
    fs::write(d.join("locked.pdf"), b"%PDF-1.4\ngarbage").expect("write");
    fs::copy(fixtures().join("beira_cyclone.html"), d.join("good.html")).expect("copy");
    let (corpus, problems) = Corpus::load_dir(d);
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["good"]);
    let about = |name: &str, words: &str| {
        problems
            .iter()
            .any(|p| p.file.file_name().is_some_and(|n| n == name) && p.message.contains(words))
    };
    let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(about("photo.html", "binary"), "{all:#?}");
    assert!(
        about("broken.rss", "not a readable RSS, Atom or JSON feed"),
        "{all:#?}"
    );
    assert!(about("empty.html", "no article text"), "{all:#?}");
    assert!(
        about("folder.txt", "a folder named like an article"),
        "{all:#?}"
    );
    assert!(about("locked.pdf", "not a readable PDF"), "{all:#?}");
    assert_eq!(problems.len(), 5, "{all:#?}");
}

#[test]
fn a_feed_of_100000_items_loads_every_item() {
    let mut rss = String::from("<rss version=\"2.0\"><channel><title>Big</title>\n");
    for i in 0..100_000 {
        let _ = writeln!(
            rss,
            "<item><title>Item {i}</title><link>https://big.example/{i}</link>\
             <pubDate>Tue, 09 Apr 2019 10:00:00 GMT</pubDate>\
             <description>Fighting near Sirte, item {i}.</description></item>"
        );
    }
    rss.push_str("</channel></rss>");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.rss");
    fs::write(&path, rss).expect("write");
    let (corpus, problems) = Corpus::load_path(&path);
    assert_eq!(corpus.articles.len(), 100_000);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(corpus.articles[99_999].id, "big-100000");
    assert_eq!(corpus.articles[99_999].published, date(2019, 4, 9));
}

fn bad_feed(name: &str) -> PathBuf {
    Path::new(ROOT).join("tests/bad_inputs/feeds").join(name)
}

#[test]
fn a_feed_broken_halfway_keeps_the_items_before_and_after_the_break() {
    let path = bad_feed("broken_halfway.rss");
    let (corpus, problems) = Corpus::load_path(&path);
    let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    // Item 3's title has no end tag; the two items before it and the two after are kept, with
    // their numbers in the feed (so their saved dates stay theirs).
    assert_eq!(
        ids,
        [
            "broken_halfway-1",
            "broken_halfway-2",
            "broken_halfway-4",
            "broken_halfway-5"
        ],
        "{all:#?}"
    );
    assert_eq!(
        corpus.articles[0].outlet.as_deref(),
        Some("Pacific Coast Bulletin")
    );
    assert_eq!(
        corpus.articles[1].body,
        "Ferries across the sound stopped in Seattle."
    );
    assert_eq!(problems.len(), 2, "{all:#?}");
    assert!(
        all[0].starts_with(&format!(
            "{}:19: error: the feed breaks at item 3 (",
            path.display()
        )) && all[0].ends_with("4 of 5 items kept"),
        "{all:#?}"
    );
    assert!(all[1].contains(":19: error: item 3 is skipped"), "{all:#?}");
}

#[test]
fn a_feed_cut_off_in_its_last_item_keeps_the_ones_before() {
    let path = bad_feed("cut_off.atom");
    let (corpus, problems) = Corpus::load_path(&path);
    let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let titles: Vec<&str> = corpus.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Protest in Santiago", "Quake felt in Lima"],
        "{all:#?}"
    );
    assert_eq!(
        corpus.articles[0].outlet.as_deref(),
        Some("Andes Evening Desk")
    );
    assert_eq!(problems.len(), 2, "{all:#?}");
    assert!(all[0].contains("the feed breaks at item 3"), "{all:#?}");
    assert!(
        all[1].contains(":19: error: item 3 is skipped: it is cut off"),
        "{all:#?}"
    );
}

#[test]
fn a_feed_items_date_is_the_day_where_it_was_stamped_not_in_utc() {
    // 21:30 at -07:00 on 9 April is 04:30 UTC on 10 April; 22:45 at -03:00 on 1 March is 01:45
    // UTC on 2 March. Each item lands on its own day.
    let (rss, _) = Corpus::load_path(&bad_feed("broken_halfway.rss"));
    let days: Vec<_> = rss.articles.iter().map(|a| a.published).collect();
    assert_eq!(
        days,
        [
            date(2019, 4, 9),
            date(2019, 4, 10),
            date(2019, 4, 11),
            date(2019, 4, 12)
        ]
    );
    assert!(
        matches!(&rss.articles[0].date_basis, DateBasis::Metadata { field } if field.contains("its own time zone")),
        "{:?}",
        rss.articles[0].date_basis
    );
    let (atom, _) = Corpus::load_path(&bad_feed("cut_off.atom"));
    assert_eq!(atom.articles[0].published, date(2020, 3, 1));
    assert_eq!(atom.articles[1].published, date(2020, 3, 2));
}

#[test]
fn a_pdf_locked_with_a_password_gives_the_password_message_and_a_restricted_one_loads() {
    // Made by tests/bad_inputs/pdfs/make_locked.sh with qpdf (AES-256).
    let dir = Path::new(ROOT).join("tests/bad_inputs/pdfs");
    let locked = dir.join("locked_report.pdf");
    let (corpus, problems) = Corpus::load_path(&locked);
    assert!(corpus.articles.is_empty());
    let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        all,
        [format!(
            "{}: error: the PDF is locked with a password; save an unlocked copy to load it; the \
             file is skipped",
            locked.display()
        )]
    );
    let (corpus, problems) = Corpus::load_path(&dir.join("restricted_report.pdf"));
    assert_eq!(corpus.articles.len(), 1, "{problems:?}");
    assert!(
        corpus.articles[0].body.text().contains("Yenagoa"),
        "{}",
        corpus.articles[0].body
    );
}
