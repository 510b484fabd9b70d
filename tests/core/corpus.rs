//! The seed folder read with the folder rules (as `--corpus seeds` does), without the manifest.

use std::path::Path;

use newsatlas::corpus::{Corpus, DateBasis};

#[test]
fn the_seed_folder_loads_with_the_folder_rules_and_no_guessed_years() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let (corpus, problems) = Corpus::load_dir(&seeds);
    let summary: Vec<_> = corpus
        .articles
        .iter()
        .map(|a| {
            (
                a.published.map(|d| d.to_string()),
                a.date_basis.as_str(),
                a.outlet.as_deref(),
                a.byline.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (Some("2019-04-28".to_string()), "header", None, None),
            (Some("2020-02-19".to_string()), "header", None, None),
            // "ROME, April 19 (Xinhua)": the text names 2017 and 2011 but no full date, so no year.
            (None, "undated", Some("Xinhua"), Some("Stefania Fumo")),
            (None, "undated", Some("IANS/AKI"), None),
            (None, "undated", None, None),
        ]
    );
    assert_eq!(
        corpus.articles[4].title,
        "Italy keeps troops in Libya despite unrest"
    );
    assert_eq!(
        corpus.articles[0].title, "000_7d2449e987ad4fa5",
        "a long first line is not a title"
    );
    assert_eq!(corpus.articles[0].body_offset, 17);
    assert!(corpus.articles[0].body.text().starts_with("ROME – "));
    assert_eq!(corpus.articles[2].date_basis, DateBasis::Undated);
    // The two datelines without a year are each said once, on their line.
    let lines: Vec<_> = problems
        .iter()
        .map(|p| {
            (
                p.file.file_name().map(|n| n.to_string_lossy().into_owned()),
                p.line,
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (Some("002_eb645cf6d7c3c273.txt".to_string()), Some(2)),
            (Some("003_2ded4314733c7c94.txt".to_string()), Some(1))
        ]
    );
}
