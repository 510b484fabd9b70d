//! A CSV corpus: a header row naming at least `title`, `date` and `text` (any case, any order),
//! optionally `source` (the outlet) and `id`; one article per row.
//!
//! The file is streamed, so its size is not limited; each row's text is (20 MB, like a file), and a
//! row is refused while it is read once it passes [`MAX_CSV_ROW_BYTES`] (a runaway quote).
//! The `text` cell goes through the same text rules as a file (so a `date YYYY-MM-DD` token or a
//! dateline in it still counts when the `date` cell is empty); `body_offset` is then an offset in
//! the cell. Problems carry the line where the row starts.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use super::{Article, Corpus, DateBasis, MAX_ARTICLE_BYTES, claim_id};
use crate::problem::Problem;
use crate::read::{CsvRow, row_limited};

const REQUIRED: [&str; 3] = ["title", "date", "text"];

/// One row may hold an article's text (at most [`MAX_ARTICLE_BYTES`]) and its other cells; a row
/// longer than this is refused while it is read, so a runaway quote cannot pull a whole file into
/// memory.
pub const MAX_CSV_ROW_BYTES: u64 = MAX_ARTICLE_BYTES + 1024 * 1024;

pub fn load(path: &Path) -> (Corpus, Vec<Problem>) {
    match crate::read::open_regular(path) {
        Ok(file) => load_reader(path, file),
        Err(err) => (
            Corpus::default(),
            vec![Problem::error(
                path,
                None,
                format!("cannot read the file ({err})"),
            )],
        ),
    }
}

/// Reads a CSV corpus from `input`; problems name `path`.
pub fn load_reader(path: &Path, input: impl Read) -> (Corpus, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut corpus = Corpus::default();
    let (input, meter) = row_limited(input, MAX_CSV_ROW_BYTES);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(headers) => headers
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim_start_matches('\u{feff}')
                    .trim()
                    .to_ascii_lowercase()
            })
            .collect(),
        Err(err) => {
            problems.push(Problem::error(
                path,
                Some(1),
                format!("cannot read the header row ({err})"),
            ));
            return (corpus, problems);
        }
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let missing: Vec<_> = REQUIRED
        .iter()
        .filter(|name| column(name).is_none())
        .copied()
        .collect();
    if !missing.is_empty() {
        problems.push(Problem::error(
            path,
            Some(1),
            format!(
                "the header row has no {} column, expected at least title, date and text",
                missing.join(", ")
            ),
        ));
        return (corpus, problems);
    }
    let (Some(title_col), Some(date_col), Some(text_col)) =
        (column("title"), column("date"), column("text"))
    else {
        return (corpus, problems);
    };
    let (id_col, source_col) = (column("id"), column("source"));
    let stem = path
        .file_stem()
        .map_or_else(|| "csv".to_string(), |s| s.to_string_lossy().into_owned());
    let mut ids = HashSet::new();

    let mut record = csv::ByteRecord::new();
    for row in 0_usize.. {
        match meter.next_row(&mut reader, &mut record) {
            CsvRow::Row { .. } => {}
            CsvRow::End => break,
            CsvRow::Bad { line, message } => {
                problems.push(Problem::error(path, Some(line), message));
                continue;
            }
            CsvRow::Stop { line, message } => {
                problems.push(Problem::error(path, Some(line), message));
                break;
            }
        }
        let line = record
            .position()
            .map(|p| p.line() as usize + meter.line_fix());
        if record.iter().any(|field| field.contains(&0)) {
            problems.push(Problem::error(
                path,
                line,
                "this row has a NUL byte (binary data), expected text; the row is skipped",
            ));
            continue;
        }
        let mut lossy = false;
        let mut cell = |col: Option<usize>| {
            let bytes = col.and_then(|c| record.get(c)).unwrap_or_default();
            let text = String::from_utf8_lossy(bytes);
            lossy |= matches!(text, std::borrow::Cow::Owned(_));
            text.into_owned()
        };
        let text = cell(Some(text_col));
        let (title, date, source, id) = (
            cell(Some(title_col)),
            cell(Some(date_col)),
            cell(source_col),
            cell(id_col),
        );
        if lossy {
            problems.push(Problem::warning(
                path,
                line,
                "this row is not valid UTF-8; invalid bytes were replaced by U+FFFD",
            ));
        }
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            problems.push(Problem::error(
                path,
                line,
                format!("the text is {} bytes, above the limit of {MAX_ARTICLE_BYTES} bytes for one article; the row is skipped", text.len()),
            ));
            continue;
        }
        if record.len() < headers.len() {
            problems.push(Problem::warning(
                path,
                line,
                format!(
                    "this row has {} fields, expected {}; the missing ones are empty",
                    record.len(),
                    headers.len()
                ),
            ));
        }

        let mut capped = |value: &str, what: &str| {
            let (value, cut) = super::capped_label(value.trim(), what);
            if let Some(message) = cut {
                problems.push(Problem::warning(path, line, message));
            }
            value.to_string()
        };
        let (id, title, source) = (
            capped(&id, "id"),
            capped(&title, "title"),
            capped(&source, "source"),
        );
        let mut id = id;
        if id.is_empty() {
            id = claim_id(&mut ids, &format!("{stem}-{}", row + 1));
        } else if ids.contains(&id) {
            let unique = claim_id(&mut ids, &format!("{id}-{}", row + 1));
            problems.push(Problem::warning(
                path,
                line,
                format!("the id `{id}` is used by an earlier row; this one is `{unique}`"),
            ));
            id = unique;
        } else {
            ids.insert(id.clone());
        }
        let (mut article, cell_problems) = Article::from_text(&id, path, &text);
        problems.extend(cell_problems.into_iter().map(|p| Problem { line, ..p }));
        if !title.is_empty() {
            article.title = title;
        }
        if !source.is_empty() {
            article.outlet = Some(source.into());
        }
        let date = date.trim();
        if !date.is_empty() {
            // An ISO timestamp ("2019-04-09T10:00:00Z") gives its day.
            let day = date.get(..10).and_then(super::parse_iso_date);
            if let Some(day) = day {
                article.published = Some(day);
                article.date_basis = DateBasis::Header;
            } else {
                problems.push(Problem::warning(
                    path,
                    line,
                    format!(
                        "`{date}` is not a date, expected YYYY-MM-DD; the article is left undated"
                    ),
                ));
                article.published = None;
                article.date_basis = DateBasis::Undated;
            }
        }
        article.body.pack();
        corpus.articles.push(article);
    }
    (corpus, problems)
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::super::MAX_LABEL_CHARS;
    use super::*;
    use chrono::NaiveDate;

    fn csv_file(contents: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("import.csv");
        fs::write(&path, contents).expect("write csv");
        (dir, path)
    }

    #[test]
    fn rows_become_articles_with_their_title_date_source_and_id() {
        let (_dir, path) = csv_file(
            "\u{feff}Title,Date,Text,Source,id\n\"Mitiga hit\",2019-04-08,\"Airstrike on Mitiga.\nMore.\",AFP,m1\nNo date,,Fighting,,\n".as_bytes(),
        );
        let (corpus, problems) = load(&path);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(corpus.articles.len(), 2);
        let a = &corpus.articles[0];
        assert_eq!(
            (a.id.as_str(), a.title.as_str(), a.outlet.as_deref()),
            ("m1", "Mitiga hit", Some("AFP"))
        );
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2019, 4, 8));
        assert_eq!(a.body, "Airstrike on Mitiga.\nMore.");
        let b = &corpus.articles[1];
        assert_eq!(
            (b.id.as_str(), b.date_basis.as_str()),
            ("import-2", "undated")
        );
    }

    #[test]
    fn a_bad_row_is_reported_with_its_line_and_the_others_load() {
        let (_dir, path) =
            csv_file(b"title,date,text\nA,2019-04-08,one\nB,yesterday,two\nC,2019-04-10,three\n");
        let (corpus, problems) = load(&path);
        assert_eq!(corpus.articles.len(), 3);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(3));
        assert_eq!(corpus.articles[1].date_basis, DateBasis::Undated);
    }

    #[test]
    fn a_csv_without_the_required_columns_is_one_error_on_line_one() {
        let (_dir, path) = csv_file(b"headline,body\nA,one\n");
        let (corpus, problems) = load(&path);
        assert!(corpus.articles.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(1));
        assert!(
            problems[0].message.contains("title, date, text"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn a_crlf_csv_reports_the_same_lines_as_an_lf_one() {
        for text in [
            &b"title,date,text\nA,2019-04-08,one\nB,yesterday,two\n"[..],
            b"title,date,text\r\nA,2019-04-08,one\r\nB,yesterday,two\r\n",
        ] {
            let (_dir, path) = csv_file(text);
            let (_, problems) = load(&path);
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(
                problems[0].line,
                Some(3),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn a_renamed_duplicate_id_never_takes_the_id_of_another_row() {
        // Found by the csv_import fuzzer: `a` on row 3 became `a-3`, the id of row 1.
        let (_dir, path) = csv_file(b"title,date,text,id\nA,,x,a-3\nB,,y,a\nC,,z,a\nD,,w,\n");
        let (corpus, problems) = load(&path);
        let ids: Vec<_> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a-3", "a", "a-3-2", "import-4"]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("this one is `a-3-2`"));
    }

    #[test]
    fn a_title_source_or_id_of_megabytes_is_cut_with_a_warning() {
        let long = "=x".repeat(3 * MAX_LABEL_CHARS);
        let (_dir, path) = csv_file(
            format!("title,date,text,source,id\n{long},2019-04-08,Tripoli,{long},{long}\n")
                .as_bytes(),
        );
        let (corpus, problems) = Corpus::load_csv(&path);
        let a = &corpus.articles[0];
        for label in [
            a.title.as_str(),
            a.id.as_str(),
            a.outlet.as_deref().unwrap_or(""),
        ] {
            assert_eq!(label.chars().count(), MAX_LABEL_CHARS, "{label}");
        }
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].message.contains("above the limit of 500"),
            "{problems:?}"
        );
        assert_eq!(problems[0].line, Some(2));
    }

    #[test]
    fn a_row_with_binary_data_is_skipped() {
        let (_dir, path) = csv_file(b"title,date,text\nA,2019-04-08,o\x00ne\nB,2019-04-09,two\n");
        let (corpus, problems) = load(&path);
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(problems[0].line, Some(2));
    }
}
